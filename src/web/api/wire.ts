// Issue #10 item 1: names for the generated wire types (schema.gen.ts), so a page reads
// `Answer<'/api/v1/referrals/{id}', 'get'>` instead of a hand-copied interface that can drift.
import type { paths } from './schema.gen';

export type ApiPath = keyof paths;
type Method = 'get' | 'put' | 'post' | 'delete' | 'patch';
type MethodOf<P extends ApiPath> = { [M in Method]: undefined extends paths[P][M] ? never : M }[Method];
type Operation<P extends ApiPath, M extends MethodOf<P>> = NonNullable<paths[P][M]>;

type JsonOf<R> = R extends { content: { 'application/json': infer J } } ? J : never;

/** The JSON answer of an operation for a status (200 unless given). */
export type Answer<P extends ApiPath, M extends MethodOf<P>, S extends number = 200> =
  Operation<P, M> extends { responses: infer R } ? (S extends keyof R ? JsonOf<R[S]> : never) : never;

/** The JSON body an operation accepts. */
export type Body<P extends ApiPath, M extends MethodOf<P>> =
  Operation<P, M> extends { requestBody?: infer B } ? JsonOf<NonNullable<B>> : never;

/** The query parameters of an operation. */
export type Query<P extends ApiPath, M extends MethodOf<P>> =
  Operation<P, M> extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

/** One element of a list type. */
export type ItemOf<L> = L extends readonly (infer T)[] ? T : never;
