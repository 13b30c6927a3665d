#ifndef CGLPK_SHIM_H
#define CGLPK_SHIM_H

// GNU GLPK's C API (Debian: libglpk-dev). Almost everything in glpk.h is callable from Swift as it
// is; this shim exists so that the module map has one header to point at, as GRDB's GRDBSQLite
// does, and holds the few helpers Swift cannot express directly.
#include <glpk.h>
#include <string.h>

/// A zero-filled `glp_iocp` with GLPK's defaults (`glp_init_iocp`), returned by value so that Swift
/// never sees an uninitialized parameter block.
static inline glp_iocp cglpk_default_iocp(void) {
    glp_iocp parm;
    memset(&parm, 0, sizeof parm);
    glp_init_iocp(&parm);
    return parm;
}

/// A zero-filled `glp_smcp` with GLPK's defaults (`glp_init_smcp`).
static inline glp_smcp cglpk_default_smcp(void) {
    glp_smcp parm;
    memset(&parm, 0, sizeof parm);
    glp_init_smcp(&parm);
    return parm;
}

/// A zero-filled `glp_mpscp` with GLPK's defaults (`glp_init_mpscp`).
static inline glp_mpscp cglpk_default_mpscp(void) {
    glp_mpscp parm;
    memset(&parm, 0, sizeof parm);
    glp_init_mpscp(&parm);
    return parm;
}

#endif
