import Testing

@testable import SZServer

@Suite("A connection's window of commands waiting for their replies")
struct CommandWindowTests {
    @Test("the reader takes places until none is free, then waits until a reply gives one back")
    func waitsWhenFull() async {
        let window = CommandWindow(size: 2)
        await window.take()
        await window.take()
        #expect(!window.readerWaits)
        async let third: Void = window.take()
        while !window.readerWaits { await Task.yield() }
        window.give()
        await third
        #expect(!window.readerWaits)
        window.give()
        window.give()
        await window.take()
        await window.take()
        #expect(!window.readerWaits)
    }
}
