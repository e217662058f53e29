// The demo account's key is the simulator's, not a secret: it is answered
// from memory, so `npm run demo` opens on a machine with no keychain running
// (a container, an SSH session, a fresh install). Every other account still
// goes to the system keychain, and is refused in words where there is none.
import type { SecretStore } from './keychain';

export function withDemoKey(keychain: SecretStore, demo: { username: string; apiKey: string }): SecretStore {
  return {
    get: (account) => (account === demo.username ? Promise.resolve(demo.apiKey) : keychain.get(account)),
    set: (account, secret) => (account === demo.username ? Promise.resolve() : keychain.set(account, secret)),
    delete: (account) => (account === demo.username ? Promise.resolve(true) : keychain.delete(account)),
  };
}
