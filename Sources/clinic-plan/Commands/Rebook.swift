import ArgumentParser
import ClinicData
import Foundation
import SlotSolver

extension ClinicPlan {
    struct Rebook: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Finds new slots for everything a closure hits and for rescheduled rep visits.",
            discussion: """
            Items that need a new slot: booked appointment occurrences and scheduled rep visits on a \
            closed date in the range (closures from clinic_days plus --close), and every rescheduled \
            rep visit. Nothing moves before --not-before (default: now in the clinic's zone); a closed \
            slot that began before it stays where it is unless --include-past is given. \
            Each may move to a later date in the range on which its doctor works, on the \
            --grid, inside the patient (or rep) hours, overlapping nothing of the doctor's, the \
            patient's or the rep's, within the day's cap. The objective is the total delay in days \
            (an item left unplaced counts as the days from its date to the end of the range). \
            --solver glpk proves optimality with GNU GLPK (or reports its gap at --time-limit); \
            greedy takes the earliest free slot, items in time order. Every solution passes an \
            independent check before it is shown or written.

            The change is built once, with new _ids derived from the data, so the preview, \
            --format json, --format mongosh and --apply agree on every id (give them the same \
            --not-before, or the later run may find that more slots have passed). --call-list FILE.csv writes \
            one row per moved or unplaced booking, with the person's phone, for the front desk. \
            Exit status 0 when every item has a slot, 1 when any is left unplaced, 2 bad input.

            Without --apply nothing changes. With --apply (and --as: an admin, or the --doctor's own \
            account) the data folder is updated atomically under its lock and the change is written \
            to audit.jsonl; --output DIR writes a changed copy instead; --format mongosh prints the \
            same changes as a mongosh script for the live database (--database NAME): each update \
            applies only to a document still as exported, all in one transaction on a replica set.

            Example: clinic-plan rebook --data instances/sample --from 2026-11-29 --days 14 --not-before 2026-11-29 --close 2026-12-01:"Staff training"
            Example: clinic-plan rebook --data instances/sample --from 2026-11-29 --days 14 --not-before 2026-11-29 --doctor "Ahmed Hassan" --solver greedy
            """)

        @OptionGroup var data: DataOptions
        // --from (default here: today in the clinic's zone), --days, --doctor.
        @OptionGroup var dates: RangeOptions

        @Option(help: ArgumentHelp(
            "Nothing is placed before this moment (YYYY-MM-DD or YYYY-MM-DDTHH:MM, clinic time); default: now.",
            valueName: "moment"))
        var notBefore: LocalMoment?

        @Flag(help: "Also rebook closed slots that began before --not-before (they still move to after it).")
        var includePast = false

        @Option(help: "A new closure, DATE or DATE:REASON (repeatable); for --doctor, or for every doctor.")
        var close: [ClosureArgument] = []

        @Option(help: "The solver.")
        var solver: RebookingSolverKind = .glpk

        @Option(help: ArgumentHelp(
            "Start times are multiples of this many minutes from midnight.",
            discussion: "Default: \"rebook_grid_minutes\" of the data folder's clinic-plan.json, else 5."))
        var grid: Int?

        @Option(help: ArgumentHelp(
            "Seconds the run may take, loading included; then the best solution found is returned with its proven gap.",
            discussion: "A promise: the answer comes within about a second of it, whatever the clinic's size "
                + "(with --apply it counts from sign-in and lock)."))
        var timeLimit: Double = 60

        @Option(help: "Output format.")
        var format: RebookFormat = .table

        @Flag(help: "Write the changes into the data folder (atomically, under the folder's lock); needs --as.")
        var apply = false

        @Option(name: .customLong("as"), help: ArgumentHelp(
            "With --apply: the user doing it (an admin, or the --doctor's own account): "
            + "an email, an _id or a unique part of the name; the password is read from the terminal, or from "
            + "CLINIC_PASSWORD.", valueName: "user"))
        var user: String?

        @Option(help: "Write the changed data to this folder instead (the data folder stays as it is).")
        var output: String?

        @Option(help: "For --format mongosh: the database the script uses (db.getSiblingDB); default: the one mongosh opened.")
        var database: String?

        @Option(help: ArgumentHelp("Write the front desk's call list here: one CSV row per moved or unplaced booking.",
                                   valueName: "file.csv"))
        var callList: String?

        @Option(help: "Write the MIP to this file (.lp: CPLEX LP, .mps: fixed MPS), through GLPK's own writers.")
        var exportModel: String?

        @Option(parsing: .unconditional, help: ArgumentHelp(
            "Seconds to wait for another clinic-plan process writing the same data folder.",
            discussion: "Default: \"defaults.lock_timeout\" of the data folder's clinic-plan.json, else 30."))
        var lockTimeout: Double?

        func validate() throws {
            if let grid, !ClinicSettings.gridMinutes.contains(grid) {
                throw ValidationError("--grid must be 1 to 1440 minutes, not \(grid)")
            }
            try SignIn.validate(lockTimeout: lockTimeout)
            guard timeLimit > 0, timeLimit <= 86_400 else { throw ValidationError("--time-limit must be positive and at most 86400 seconds") }
            guard !(apply && output != nil) else { throw ValidationError("give --apply or --output DIR, not both") }
            guard !apply || user != nil else { throw ValidationError("--apply changes the data folder: say who you are with --as EMAIL") }
            if let exportModel, !(exportModel.hasSuffix(".lp") || exportModel.hasSuffix(".mps")) {
                throw ValidationError("--export-model needs a .lp or .mps file name")
            }
        }

        func run() throws {
            // The deadline starts now, so that loading counts against --time-limit too.
            let deadline = Deadline.after(seconds: timeLimit)
            guard apply, let user else {
                if let output { try refuseDataFolder(as: output) }
                let clinic = try data.loadClinic()
                let rebooking = try rebooking(of: clinic, deadline: deadline)
                FileOutput.standardOutput.write(rebooking.output)
                try writeCallList(rebooking, clinic: clinic)
                if let output {
                    let destination = URL(fileURLWithPath: output, isDirectory: true)
                    do {
                        try DataFolder.write(rebooking.changes.applied(to: clinic.dataset), basedOn: clinic.folder, to: destination)
                        // The copy is the same clinic: it keeps the folder's settings (its zone above all).
                        try ClinicSettings.readIfPresent(folder: data.folderURL)?.write(to: destination)
                    } catch {
                        throw badInput("cannot write \(output)", causes: [causeText(error)])
                    }
                    FileOutput.standardError.write("wrote \(rebooking.changes.count) change(s) to \(output)\n")
                }
                try exitWhenUnplaced(rebooking.result)
                return
            }
            var applied: Rebooking?
            // Signs in, locks the folder, re-reads it, rebooks on the fresh data, writes, audits.
            let signIn = SignIn(user: user, lockTimeout: lockTimeout)
            let session = AuthWriteSession(data: data, signIn: signIn, action: "rebook",
                                           ids: dates.doctor.map { [("doctor_id", $0)] } ?? [])
            try session.run { (clinic: Clinic, user: SignedInUser, _: inout [(String, String)]) throws(AuthRefusal) -> WriteDecision in
                var doctorID: DocumentID?
                if let doctor = dates.doctor { doctorID = clinic.dataset.doctors[Int(try clinic.requirePerson(.doctor, doctor))].id }
                try AuthRefusal.allow(.rebook(doctor: doctorID), user)
                let rebooking: Rebooking
                // Signing in and waiting for the lock are not the solver's time: the limit starts here.
                do { rebooking = try self.rebooking(of: clinic, deadline: .after(seconds: timeLimit)) } catch {
                    throw AuthRefusal(.failed, "nothing was changed: the rebooking failed", causes: [causeText(error)])
                }
                applied = rebooking
                return WriteDecision(rebooking: rebooking.result, changes: rebooking.changes, output: rebooking.output)
            }
            if let applied {
                // Written only after the commit: the list matches what the folder now holds.
                try writeCallList(applied, clinic: applied.clinic)
                try exitWhenUnplaced(applied.result)
            }
        }

        /// Exit status 1 when an item is left without a slot: the front desk has calls to make.
        private func exitWhenUnplaced(_ result: RebookingResult) throws {
            let unplaced = result.appointments.unplaced + result.repVisits.unplaced
            guard unplaced > 0 else { return }
            FileOutput.standardError.write("\(unplaced) item(s) could not be placed (see the reasons above)\n")
            throw ExitCode(ExitStatus.conflictsFound)
        }

        private func writeCallList(_ rebooking: Rebooking, clinic: Clinic) throws {
            guard let callList else { return }
            let csv = CallList(clinic: clinic, result: rebooking.result, changes: rebooking.changes).csv()
            try writeCommandOutput(csv, to: callList)
        }

        /// `--output DIR` writes without signing in, locking or auditing, so it must not be a way
        /// to change the data folder: a DIR that is the folder, or inside it, is refused.
        private func refuseDataFolder(as output: String) throws {
            let folder = PathResolution.resolved(data.data), target = PathResolution.resolved(output)
            guard target == folder || target.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/") else { return }
            throw badInput("--output \(output) is the data folder \(data.data) or inside it; "
                           + "use --apply to change the data folder (it signs in, locks and audits)")
        }

        /// What one rebooking run decided: the solver's result, the changes to the data, and the
        /// text to print.
        private struct Rebooking {
            var clinic: Clinic
            var result: RebookingResult
            var changes: ChangeSet
            var output: String
        }

        private func rebooking(of clinic: Clinic, deadline: Deadline) throws -> Rebooking {
            let range = dates.range(in: clinic, defaultFirst: LocalDate.today(in: clinic.timeZone))
            let doctorIndex = try dates.doctorIndex(in: clinic)
            let closures = close.map { ExtraClosure(doctor: doctorIndex, date: $0.date, reason: $0.reason) }
            let options = RebookingOptions(range: range, extraClosures: closures, doctor: doctorIndex,
                                           notBefore: notBefore ?? LocalMoment.now(in: clinic.timeZone),
                                           movesEarlierItems: includePast, grid: Int32(grid ?? clinic.settings.rebookGridMinutes),
                                           solver: solver, timeLimitSeconds: timeLimit)
            if let exportModel {
                // GLPK's writers open the path themselves: give them a fresh temporary file, then
                // rename it into place, so a symbolic link there is replaced, never followed.
                do {
                    try AtomicFile.write(to: URL(fileURLWithPath: exportModel)) { temporary in
                        try Rebooker.exportModel(clinic.model, options: options, to: temporary)
                    }
                } catch {
                    throw badInput("cannot export the model to \(exportModel): \(error)")
                }
            }
            let progress = SolverProgress(enabled: FileOutput.standardError.isTerminal)
            let result: RebookingResult
            do {
                result = try Rebooker.rebook(clinic.model, options: options, deadline: deadline, progress: progress.report)
            } catch {
                progress.finish()
                throw badInput("the rebooking failed", causes: [causeText(error)])
            }
            progress.finish()
            let changes = RebookingChanges.make(result, closures: closures, dataset: clinic.dataset,
                                                mapping: clinic.mapping, timeZone: clinic.timeZone)
            let renderer = RebookRenderer(clinic: clinic, range: range, notBefore: options.notBefore!, result: result,
                                          changes: changes)
            let output = switch format {
            case .table: TerminalText.printable(renderer.table())
            case .json: renderer.json().description + "\n"
            case .mongosh: MongoshScript.render(changes, action: "rebook", database: database)
            }
            return Rebooking(clinic: clinic, result: result, changes: changes, output: output)
        }
    }
}

enum RebookFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, mongosh
}

extension RebookingSolverKind: ExpressibleByArgument {}

/// `--close DATE[:REASON]`.
struct ClosureArgument: ExpressibleByArgument {
    var date: LocalDate
    var reason: String

    init?(argument: String) {
        let parts = argument.split(separator: ":", maxSplits: 1)
        guard let first = parts.first, let date = LocalDate(argument: String(first)) else { return nil }
        self.date = date
        let reason = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
        self.reason = reason.isEmpty ? "Closed" : reason
    }
}
