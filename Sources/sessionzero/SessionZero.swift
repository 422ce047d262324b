import ArgumentParser

@main
struct SessionZero: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sessionzero",
        abstract: "A self-hostable tabletop-RPG platform with open datapacks.",
        subcommands: []
    )
}
