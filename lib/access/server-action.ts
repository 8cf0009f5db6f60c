/**
 * The one preamble of every Server Action. A Server Action is a public POST endpoint: anyone may
 * call it with anything, so each begins the same way before it does its one thing: who is asking
 * (the signed-in viewer, narrowed by a rule such as isFhi where the action is not for everyone),
 * is what they sent well-formed (zod), and is what it names within their scope (the data function
 * answers null when not, having audited the refusal: the answer is "not found"). What an action
 * does is audited by the data function that does it, so nothing here audits a second time.
 *
 * Like Formbricks' authenticatedActionClient (next-safe-action), but our own: the two shapes our
 * forms use (FormState for useActionState, lib/core/form-state.ts; a plain answer otherwise) are
 * a few lines each, where the library's result shape would need an adapter in every form.
 */
import 'server-only';
import type { z } from 'zod';
import { fieldErrors, submittedValues, type FormState } from '@/lib/core/form-state';
import type { Viewer } from './rules/actor';
import { getViewer } from './viewer';

/** Who may call an action: the signed-in viewer, when `rule` (isFhi, isAdmin …) allows them; null otherwise. */
export function signedIn(rule: (viewer: Viewer) => boolean = () => true): () => Promise<Viewer | null> {
  return async () => {
    const viewer = await getViewer();
    return viewer && rule(viewer) ? viewer : null;
  };
}

/** A data function's answer to a write: done, or refused with the field to show the message at. */
export type WriteResult = { ok: true } | { ok: false; field: string; message: string };

export interface FormActionSteps<Field extends string, State extends FormState<Field>, Target, Input, Result> {
  caller: () => Promise<Viewer | null>;
  /** The answer when the caller is refused, the form names nothing valid, or it is outside the viewer's scope. */
  notFound: State;
  /** What the form is about, from its hidden fields (an id, a municipality); null: not found. */
  target?: (formData: FormData) => Target | null;
  /** The fields a person fills in: sent back with the errors, since React resets a form after its action. */
  fields: readonly Field[];
  /** What the schema parses, from the values filled in and the rest of the form; by default the values. */
  read?: (values: Partial<Record<Field, string>>, formData: FormData) => unknown;
  schema: z.ZodType<Input>;
  /** Does it through a data function: null outside the viewer's scope, or the field an error belongs to. */
  run: (viewer: Viewer, input: Input, target: Target) => Promise<Result | null>;
  /** After it is done (revalidate, queue, redirect): the state to answer with. */
  done: (
    result: Extract<Result, { ok: true }>,
    input: Input,
    target: Target,
  ) => NoInfer<State> | Promise<NoInfer<State>>;
}

/** A Server Action behind a form with useActionState: `(state, formData) => state`. */
export function formAction<
  Field extends string,
  State extends FormState<Field>,
  Target,
  Input,
  Result extends WriteResult,
>(steps: FormActionSteps<Field, State, Target, Input, Result>): (state: State, formData: FormData) => Promise<State> {
  return async (_state, formData) => {
    const viewer = await steps.caller();
    const target = steps.target ? steps.target(formData) : (undefined as Target);
    if (!viewer || target === null) return steps.notFound;
    const values = submittedValues(formData, steps.fields);
    const input = steps.schema.safeParse(steps.read ? steps.read(values, formData) : values);
    if (!input.success) return { errors: fieldErrors<Field>(input.error), values } as State;
    const result = await steps.run(viewer, input.data, target);
    if (!result) return steps.notFound;
    if (!result.ok) return { errors: { [result.field]: result.message }, values } as State;
    return steps.done(result as Extract<Result, { ok: true }>, input.data, target);
  };
}

type Refusal = 'caller' | 'input' | 'scope';

/** The answer to each refusal; left out where the action answers nothing (a plain form post). */
type RefusalAnswers<Answer> = undefined extends Answer
  ? { refused?: Record<Refusal, Answer> }
  : { refused: Record<Refusal, Answer> };

export type ActionSteps<Args extends unknown[], Input, Answer> = {
  caller: () => Promise<Viewer | null>;
  /** What the schema parses, from what the action was called with (a FormData, or what a client component sent). */
  read: (...args: Args) => unknown;
  schema: z.ZodType<Input>;
  /** Does it through a data function: null when what it names is outside the viewer's scope. */
  run: (viewer: Viewer, input: Input) => Promise<Answer | null>;
} & RefusalAnswers<Answer>;

/** Any other Server Action: a plain form post (`formData => void`) or a call from a client component. */
export function action<Args extends unknown[], Input, Answer>(
  steps: ActionSteps<Args, Input, Answer>,
): (...args: Args) => Promise<Answer> {
  const refused = (why: Refusal) => (steps.refused?.[why] ?? undefined) as Answer;
  return async (...args) => {
    const viewer = await steps.caller();
    if (!viewer) return refused('caller');
    const input = steps.schema.safeParse(steps.read(...args));
    if (!input.success) return refused('input');
    return (await steps.run(viewer, input.data)) ?? refused('scope');
  };
}
