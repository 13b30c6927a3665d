import CGLPK

// MARK: - Writing models

/// The file formats GLPK writes a problem in.
public enum GLPKModelFormat: Sendable {
    /// CPLEX LP format (`glp_write_lp`).
    case cplexLP
    /// Free MPS format (`glp_write_mps` with `GLP_MPS_FILE`).
    case freeMPS

    /// The format a file name asks for: `.lp` or `.mps` (any letter case), else nil.
    public init?(fileName: String) {
        let lower = fileName.lowercased()
        if lower.hasSuffix(".lp") { self = .cplexLP } else if lower.hasSuffix(".mps") { self = .freeMPS } else { return nil }
    }
}

extension GLPKProblem {
    /// Writes the problem with GLPK's own writer, so that any LP/MIP solver can read it.
    public func write(to path: String, format: GLPKModelFormat) throws {
        checkThread()
        glp_term_out(GLP_OFF)
        let rc: Int32
        switch format {
        case .cplexLP:
            rc = glp_write_lp(handle, nil, path)
        case .freeMPS:
            var parm = cglpk_default_mpscp()
            rc = glp_write_mps(handle, GLP_MPS_FILE, &parm, path)
        }
        guard rc == 0 else { throw GLPKError(.writeFailed, "cannot write \(path)") }
    }
}
