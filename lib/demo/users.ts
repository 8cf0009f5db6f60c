/**
 * The demo's people: one of each kind the product serves, so the demo sign-in can show how each
 * sees it. Written only into a demo database; marked `demo`, the only users the demo sign-in takes.
 */
import type { Role } from '@/lib/access/rules/actor';

export interface DemoUser {
  name: string;
  email: string;
  role: Role;
  municipalities: string[];
}

export const DEMO_USERS: readonly DemoUser[] = [
  { name: 'Ingrid Haugen', email: 'ingrid.haugen@fhi.example.no', role: 'FHI_ADMIN', municipalities: [] },
  { name: 'Per Olsen', email: 'per.olsen@fhi.example.no', role: 'FHI_STAFF', municipalities: [] },
  { name: 'Lise Berg', email: 'lise.berg@oslo.example.no', role: 'MUNICIPAL_CONTACT', municipalities: ['0301'] },
  { name: 'Ahmed Ali', email: 'ahmed.ali@oslo.example.no', role: 'MUNICIPAL_CONTACT', municipalities: ['0301'] },
  { name: 'Jonas Lie', email: 'jonas.lie@bergen.example.no', role: 'MUNICIPAL_CONTACT', municipalities: ['4601'] },
  { name: 'Sara Eira', email: 'sara.eira@tromso.example.no', role: 'MUNICIPAL_CONTACT', municipalities: ['5501'] },
  // One person serving two neighbouring municipalities (a shared service).
  {
    name: 'Marte Solberg',
    email: 'marte.solberg@ytre.example.no',
    role: 'MUNICIPAL_CONTACT',
    municipalities: ['3101', '3103'],
  },
];
