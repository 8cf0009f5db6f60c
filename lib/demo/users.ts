/**
 * The demo's people: one of each kind the product serves, so the demo sign-in can show how each
 * sees it. Written only into a demo database; marked `demo`, the only users the demo sign-in takes.
 */
import type { Role } from '@/lib/access/rules/actor';
import type { PrismaClient } from '@/lib/db/client';

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

/** Creates (or brings up to date) the demo users and their memberships. Idempotent. */
export async function writeDemoUsers(prisma: PrismaClient): Promise<void> {
  await prisma.$transaction(async (tx) => {
    for (const user of DEMO_USERS) {
      const data = { name: user.name, role: user.role, demo: true };
      const saved = await tx.user.upsert({
        where: { email: user.email },
        create: { ...data, email: user.email },
        update: data,
      });
      await tx.municipalityMembership.createMany({
        data: user.municipalities.map((municipalityNumber) => ({ userId: saved.id, municipalityNumber })),
        skipDuplicates: true,
      });
    }
  });
}
