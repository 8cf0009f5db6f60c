import { handlers } from '@/lib/access/request';

export const { GET, POST } = handlers;
