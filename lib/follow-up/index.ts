/**
 * The follow-up capability's door for server code: extension requests (apply, withdraw, decide,
 * list) and a municipality's notes, each scoped to the actor and audited. The forms' input, the
 * date bounds and the shapes the screens show are in rules/; the words in labels.ts.
 */
import 'server-only';

export {
  decideExtensionRequest,
  getMunicipalityExtensions,
  listDecidedExtensions,
  listExtensionRequests,
  requestExtension,
  withdrawExtensionRequest,
} from './data/extensions';
export { addNote, listMunicipalityNotes } from './data/notes';
