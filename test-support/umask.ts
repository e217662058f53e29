// Files the app writes must be private whatever the umask: the tests of it
// run under a permissive one (0022, a common default), restored after.
import { afterAll, beforeAll } from 'vitest';

export function usePermissiveUmask(): void {
  let umask: number;
  beforeAll(() => {
    umask = process.umask(0o022);
  });
  afterAll(() => {
    process.umask(umask);
  });
}
