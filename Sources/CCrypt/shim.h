#ifndef CCRYPT_SHIM_H
#define CCRYPT_SHIM_H

// libxcrypt (Debian: libcrypt-dev): crypt_r/crypt_rn and crypt_gensalt_rn for bcrypt ($2b$),
// yescrypt ($y$) and sha512crypt ($6$) password hashes.
#include <crypt.h>

#endif
