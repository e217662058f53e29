# Test fixture: unlocks gnome-keyring's login collection with its password,
# as its unlock prompt would (tests have no display for the prompt).
# Usage: python3 unlock-keyring.fixture.py PASSWORD   (needs python3-dbus)
import sys

import dbus

bus = dbus.SessionBus()
service = bus.get_object('org.freedesktop.secrets', '/org/freedesktop/secrets')
_, session = dbus.Interface(service, 'org.freedesktop.Secret.Service').OpenSession('plain', dbus.String('', variant_level=1))
internal = dbus.Interface(service, 'org.gnome.keyring.InternalUnsupportedGuiltRiddenInterface')
internal.UnlockWithMasterPassword(
    '/org/freedesktop/secrets/collection/login',
    (session, dbus.ByteArray(b''), dbus.ByteArray(sys.argv[1].encode()), 'text/plain'),
)
