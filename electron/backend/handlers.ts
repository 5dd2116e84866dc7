import type { Req, RequestName, Res } from '../shared/contract.ts';

/** One async handler per contract request. */
export type Handlers = { [K in RequestName]: (req: Req<K>) => Promise<Res<K>> };
export type HandlerGroup<K extends RequestName> = Pick<Handlers, K>;
