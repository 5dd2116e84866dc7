/** fetch for the backend's binary resources, with the connection's errors made explicit. */
import { AuthError, OfflineError } from './errors.ts';

/** GETs `url`: an unreachable host is an OfflineError, a refused token an AuthError. */
export async function fetchResource(url: string): Promise<Response> {
  let r: Response;
  try {
    r = await fetch(url, { cache: 'no-store' });
  } catch {
    throw new OfflineError('cannot reach the review host (is `vss serve` still running?)');
  }
  if (r.status === 401) throw new AuthError();
  return r;
}
