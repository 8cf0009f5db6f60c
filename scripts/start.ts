/** `npm start`: the production build (`npm run build` first) on the embedded (or DATABASE_URL) PostgreSQL. */
import { launch } from './launch';

await launch('start');
