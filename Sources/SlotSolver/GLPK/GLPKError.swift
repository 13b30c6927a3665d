import CGLPK

/// A GLPK return code (the `GLP_E…` constants of glpk.h), plus the few failures the Swift layer
/// itself detects before a call would reach GLPK (GLPK aborts the process on invalid arguments,
/// so the layer checks them first).
public struct GLPKReturnCode: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: Int32

    public init(rawValue: Int32) { self.rawValue = rawValue }

    public static let ok = GLPKReturnCode(rawValue: 0)
    public static let invalidBasis = GLPKReturnCode(rawValue: GLP_EBADB)
    public static let singularMatrix = GLPKReturnCode(rawValue: GLP_ESING)
    public static let illConditioned = GLPKReturnCode(rawValue: GLP_ECOND)
    public static let invalidBounds = GLPKReturnCode(rawValue: GLP_EBOUND)
    public static let solverFailed = GLPKReturnCode(rawValue: GLP_EFAIL)
    public static let iterationLimit = GLPKReturnCode(rawValue: GLP_EITLIM)
    public static let timeLimit = GLPKReturnCode(rawValue: GLP_ETMLIM)
    public static let noPrimalFeasible = GLPKReturnCode(rawValue: GLP_ENOPFS)
    public static let noDualFeasible = GLPKReturnCode(rawValue: GLP_ENODFS)
    public static let rootLPNotOptimal = GLPKReturnCode(rawValue: GLP_EROOT)
    public static let stopped = GLPKReturnCode(rawValue: GLP_ESTOP)
    public static let gapReached = GLPKReturnCode(rawValue: GLP_EMIPGAP)
    public static let noFeasible = GLPKReturnCode(rawValue: GLP_ENOFEAS)
    public static let noConvergence = GLPKReturnCode(rawValue: GLP_ENOCVG)
    public static let numericalInstability = GLPKReturnCode(rawValue: GLP_EINSTAB)
    public static let invalidData = GLPKReturnCode(rawValue: GLP_EDATA)
    public static let outOfRange = GLPKReturnCode(rawValue: GLP_ERANGE)
    /// Detected by the Swift layer: an index, bound or value GLPK would reject by aborting.
    public static let invalidArgument = GLPKReturnCode(rawValue: -1)
    /// A model file could not be written.
    public static let writeFailed = GLPKReturnCode(rawValue: -2)
    /// A warm-start solution that violates the model it is offered to.
    public static let infeasibleWarmStart = GLPKReturnCode(rawValue: -3)

    public var description: String {
        switch self {
        case .ok: "ok"
        case .invalidBasis: "invalid initial basis"
        case .singularMatrix: "singular basis matrix"
        case .illConditioned: "ill-conditioned basis matrix"
        case .invalidBounds: "invalid (inconsistent) bounds"
        case .solverFailed: "solver failure"
        case .iterationLimit: "iteration limit exceeded"
        case .timeLimit: "time limit exceeded"
        case .noPrimalFeasible: "no primal feasible solution"
        case .noDualFeasible: "no dual feasible solution"
        case .rootLPNotOptimal: "root LP optimum not provided"
        case .stopped: "search terminated by the application"
        case .gapReached: "relative MIP gap tolerance reached"
        case .noFeasible: "problem has no feasible solution"
        case .noConvergence: "no convergence"
        case .numericalInstability: "numerical instability"
        case .invalidData: "invalid data"
        case .outOfRange: "result out of range"
        case .invalidArgument: "invalid argument"
        case .writeFailed: "cannot write model file"
        case .infeasibleWarmStart: "warm start violates the model"
        default: "GLPK code \(rawValue)"
        }
    }
}

/// A failure in the GLPK layer: the code and a sentence saying what was being done.
public struct GLPKError: Error, CustomStringConvertible, Sendable {
    public var code: GLPKReturnCode
    public var message: String

    public init(_ code: GLPKReturnCode, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "GLPK error (\(code)): \(message)" }
}
