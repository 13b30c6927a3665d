extension Rebooker {
    /// Writes the full, monolithic MIP of the rebooking problem (`TimeIndexedModel`: every item,
    /// every feasible date and start, capacity and clique rows) with GLPK's own writer, so that any
    /// MIP solver can solve it: CPLEX LP format for a `.lp` path, free MPS for `.mps`.
    ///
    /// Its optimum equals the objective `rebook` proves optimal. Items with no feasible slot keep
    /// their u column (fixed to 1 by their assignment row), so the objective is the full one.
    /// Column names: `y<item>_<YYYYMMDD>_<minute>` (item index in original time order) and `u<item>`.
    /// - Complexity: O(P log P) in the number of candidate placements P, plus writing.
    public static func exportModel(_ model: ClinicModel, options: RebookingOptions, to path: String) throws {
        try validate(options, model: model)
        guard let format = GLPKModelFormat(fileName: path) else {
            throw RebookingError(.exportFailed, "the model file must end in .lp or .mps: \(path)")
        }
        let instance = RebookingInstance(model: model, options: options)
        do {
            let full = try TimeIndexedModel(instance: instance, items: Array(instance.items.indices),
                                            allowUnplaced: true)
            try full.problem.write(to: path, format: format)
        } catch let error as GLPKError {
            throw RebookingError(.exportFailed, "cannot export the model to \(path): \(error.message)")
        }
    }
}
