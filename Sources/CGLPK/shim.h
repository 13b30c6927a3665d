#ifndef CGLPK_SHIM_H
#define CGLPK_SHIM_H

// GNU GLPK's C API (Debian: libglpk-dev). Everything in glpk.h is callable from Swift as it is;
// this shim exists so that the module map has one header to point at, as GRDB's GRDBSQLite does.
#include <glpk.h>

#endif
