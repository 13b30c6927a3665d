import ArgumentParser
import Dispatch
import Foundation
import Hummingbird
import SlotSolver

extension ClinicPlan {
    struct Serve: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Serves the data folder live in the browser: the week grid, bookings, closures, rebooking, calendar feeds and a JSON API.",
            discussion: """
            Every page, feed and API route but /login and /static needs a signed-in user (a feed: its \
            token). Writes take the folder's lock, re-read it and append to the audit log exactly as \
            the CLI does; the folder is re-read whenever another process changed it. Prints \
            "listening on http://HOST:PORT" once ready (--port 0 picks a free port).

            Then open http://127.0.0.1:8080 (the server runs until stopped; --check only reads the folder).

            Example: clinic-plan serve --data instances/sample --port 8080 --check
            """)

        @OptionGroup var data: DataOptions

        @Option(help: "The address to listen on (loopback by default: put a TLS proxy in front to serve a network).")
        var host: String = "127.0.0.1"

        @Option(help: "The port to listen on (0: any free port).")
        var port: Int = 8080

        @Option(help: "Seconds a session lasts without a request.")
        var sessionTimeout: Double = 1800

        @Option(help: "Failed sign-ins allowed per email (four times as many per client address) within --login-window.")
        var loginAttempts: Int = 5

        @Option(help: "Seconds over which failed sign-ins are counted.")
        var loginWindow: Double = 300

        @Option(help: "Seconds a write waits for another process writing the same data folder.")
        var lockTimeout: Double = 30

        @Option(help: ArgumentHelp("No suggested or rebooked slot starts before this (YYYY-MM-DD or YYYY-MM-DDTHH:MM); default: now.",
                                   valueName: "moment"))
        var notBefore: LocalMoment?

        @Flag(help: "Read the folder, say what would be served, and exit without serving.")
        var check = false

        func validate() throws {
            guard (0...65535).contains(port) else { throw ValidationError("--port must be 0 to 65535") }
            guard sessionTimeout > 0 else { throw ValidationError("--session-timeout must be positive") }
            guard loginAttempts > 0 else { throw ValidationError("--login-attempts must be positive") }
            guard loginWindow > 0 else { throw ValidationError("--login-window must be positive") }
            guard lockTimeout >= 0 else { throw ValidationError("--lock-timeout must not be negative") }
        }

        func run() throws {
            // Fails early, with the loader's messages, on a folder that cannot be served.
            let clinic = try data.loadClinic()
            if check {
                FileOutput.standardOutput.write("would listen on http://\(host):\(port): \(clinic.dataset.doctors.count) doctor(s), "
                                                + "\(clinic.dataset.users.count) user(s) in \(data.data)\n")
                return
            }
            let app = ServeApp(data: data, sessionLifetime: sessionTimeout, loginLimit: loginAttempts,
                               loginWindow: loginWindow, lockTimeout: lockTimeout, notBefore: notBefore)
            let host = self.host
            let application = Application(
                router: app.router(),
                configuration: .init(address: .hostname(host, port: port), serverName: "clinic-plan"),
                onServerRunning: { channel in
                    let port = channel.localAddress?.port ?? 0
                    FileOutput.standardOutput.write("listening on http://\(host):\(port)\n")
                })
            let finished = DispatchSemaphore(value: 0)
            let failure = FailureBox()
            Task {
                do {
                    try await application.runService()
                } catch {
                    failure.error = error
                }
                finished.signal()
            }
            finished.wait()
            if let error = failure.error { throw badInput("the server stopped: \(error)") }
        }

        private final class FailureBox: @unchecked Sendable {
            var error: (any Error)?
        }
    }
}
