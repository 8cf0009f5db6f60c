/** The demo users offered on the sign-in page (only when the demo sign-in is on). */
import 'server-only';
import type { Role } from '@/lib/access/rules/actor';
import { db } from '@/lib/db';

export interface DemoUserRow {
  id: string;
  name: string;
  role: Role;
  municipalities: string[];
}

export async function listDemoUsers(): Promise<DemoUserRow[]> {
  const users = await db().user.findMany({
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
