import Foundation

/// Runs a test script of tests/ics or tests/html against the built clinic-plan binary.
enum Scripts {
    struct Run {
        var status: Int32
        var output: String
    }

    /// The folder of the built products: the test bundle lives beside the clinic-plan binary.
    static var binary: URL {
        let candidates = [Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent(),
                          URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()]
        for folder in candidates {
            let url = folder.appendingPathComponent("clinic-plan")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return candidates[0].appendingPathComponent("clinic-plan")
    }

    /// Runs `/usr/bin/python3 SCRIPT BINARY SAMPLE` (Debian's Python, which has python3-icalendar)
    /// and returns its exit status and combined output.
    static func python(_ script: String) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [SampleClinic.repositoryRoot.appendingPathComponent(script).path, binary.path,
                             SampleClinic.folder.path]
        process.currentDirectoryURL = SampleClinic.repositoryRoot
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
    }
}
