import ArgumentParser
import JSONSchema
import SZCore
import SZPacks

struct PackValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check packs against the published schemas and the format's rules.",
        discussion: """
            Every problem is listed with its file, JSON pointer, severity and message. Exit status: 0 when every \
            pack is valid (warnings allowed), 1 when one has errors, 2 when one cannot be read.
            """
    )

    @Argument(help: "Pack folders or .szp files.")
    var paths: [String]

    @OptionGroup var dependencies: DependencyOptions

    @Flag(name: .long, help: "Print the reports as JSON.")
    var json = false

    func validate() throws {
        guard !paths.isEmpty else { throw ValidationError("give at least one pack folder or .szp file") }
    }

    func run() async throws {
        let available = try dependencies.load()
        var reports: [JSONValue] = []
        var anyInvalid = false
        var anyUnreadable = false
        for path in paths {
            let contents: PackArchiveContents
            do {
                contents = try PackInput.load(path)
            } catch {
                anyUnreadable = true
                if json {
                    reports.append(["path": .string(path), "error": .string(error.description)])
                } else {
                    _ = inputError(error)
                }
                continue
            }
            var progress = ProgressLine(subject: "validating \(path)")
            let report = PackValidator().validate(consume contents, dependencies: available) { done, total, file in
                progress.update("\(done)/\(total) \(file)")
            }
            progress.finish()
            anyInvalid = anyInvalid || !report.isValid
            if json {
                var object: JSONObject = ["path": .string(path)]
                for (key, value) in report.json.objectValue ?? [:] { object[key] = value }
                reports.append(.object(object))
            } else {
                print(report.text(for: path))
            }
        }
        if json { PackInput.printJSON(.array(reports)) }
        if anyUnreadable { throw CommandExit.usageOrInput }
        if anyInvalid { throw CommandExit.checkFailed }
    }
}
