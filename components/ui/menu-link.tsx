'use client';

import { Link } from '@digdir/designsystemet-react';
import NextLink from 'next/link';
import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';

/**
 * One entry of the main menu, marked aria-current="page" on its own page and on the pages under it
 * (a user's page under «Brukere»); the overview only on itself, since every path is under «/».
 */
export function MenuLink({ href, children }: { href: string; children: ReactNode }) {
  const pathname = usePathname();
  const current = href === '/' ? pathname === '/' : pathname === href || pathname.startsWith(`${href}/`);
  return (
    <Link asChild>
      <NextLink href={{ pathname: href }} aria-current={current ? 'page' : undefined}>
        {children}
      </NextLink>
    </Link>
  );
}
