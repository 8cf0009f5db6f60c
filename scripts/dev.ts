/** `npm run dev`: Next.js in development mode on the embedded (or DATABASE_URL) PostgreSQL. */
import { launch } from './launch';

await launch('dev');
