/** The demo users offered on the sign-in page (only when the demo sign-in is on). */
import 'server-only';
import { db } from '@/lib/db';
import type { Role, SystemActor } from '../rules/actor';

export interface DemoUserRow {
  id: string;
  name: string;
  role: Role;
  municipalities: string[];
}

/** Asked by the sign-in's system actor: nobody is signed in on the sign-in page, and it may list them all. */
export async function listDemoUsers(actor: SystemActor): Promise<DemoUserRow[]> {
  const users = await db(actor).user.findMany({
    where: { demo: true, active: true },
    orderBy: [{ role: 'asc' }, { name: 'asc' }],
    select: {
      id: true,
      name: true,
      role: true,
      memberships: { select: { municipality: { select: { shortName: true } } } },
    },
  });
  return users.map((user) => ({
    id: user.id,
    name: user.name,
    role: user.role,
    municipalities: user.memberships.map((m) => m.municipality.shortName),
  }));
}
