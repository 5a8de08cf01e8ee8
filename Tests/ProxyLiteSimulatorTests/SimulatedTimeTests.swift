import Foundation
import ProxyLiteAPI
import ProxyLiteSimulator
import TestSupport
import Testing

/// The simulator's faults for long runs: a stopped clock, outages that come back, answers that
/// trickle in small pieces for a share of requests.
@Suite struct SimulatedTimeTests {
    @Test func aStoppedClockMovesOnlyWhenAdvanced() async throws {
        let start = Date(timeIntervalSince1970: 1_767_225_600)
        let clock = SimulatorClock(stoppedAt: start)
        try await Task.sleep(for: .milliseconds(20))
        #expect(clock.now == start)
        clock.advance(by: .seconds(90))
        #expect(clock.now == start.addingTimeInterval(90))
    }

    @Test func anOutageComesBackEveryPeriod() {
        let outage = FaultPlan.Outage(after: .seconds(100), lasting: .seconds(10), every: .seconds(1000))
        #expect(!outage.covers(99))
        #expect(outage.covers(100) && outage.covers(109.9))
        #expect(!outage.covers(110) && !outage.covers(1099))
        #expect(outage.covers(1100) && outage.covers(2105))
        let once = FaultPlan.Outage(after: .seconds(100), lasting: .seconds(10))
        #expect(once.covers(105) && !once.covers(1105))
    }

    @Test func anOutageFollowsTheSimulatedClock() async throws {
        var world = testWorld(faults: FaultPlan(outage: .init(after: .seconds(60), lasting: .seconds(30), every: .seconds(3600))))
        world.clock = SimulatorClock(stoppedAt: Date(timeIntervalSince1970: 1_767_225_600))
        try await withSimulator(world) { simulator, client in
            var answered: [Bool] = []
            for step in [0, 70, 30, 3580] {  // 0 s, 70 s (in), 100 s (out), 3680 s (in again)
                simulator.configuration.clock.advance(by: .seconds(step))
                answered.append((try? await client.packageSummary()) != nil)
            }
            #expect(answered == [true, false, true, false])
        }
    }

    @Test func aShareOfAnswersTricklesInSmallPiecesAndReadsWhole() async throws {
        let faults = FaultPlan(trickle: .milliseconds(1), trickleRate: 0.5, trickleChunk: 512)
        // What is tested is that pieces add up to the whole, not how fast: on a loaded machine a
        // body of many 1 ms pieces can take seconds, so the deadline is generous.
        let patient: @Sendable (inout ProxyLiteClient.Configuration) -> Void = { $0.requestTimeout = .seconds(120) }
        try await withSimulator(testWorld(faults: faults), client: patient) { simulator, client in
            for _ in 0..<20 {
                let accounts = try await client.accounts()
                #expect(accounts.count == 30)
            }
            #expect((4...16).contains(simulator.trickledAnswers), "\(simulator.trickledAnswers) of 20 trickled")
        }
        try await withSimulator(testWorld(faults: FaultPlan(trickle: .milliseconds(1))), client: patient) { simulator, client in
            _ = try await client.accounts()
            _ = try await client.packageSummary()
            #expect(simulator.trickledAnswers == 2, "without a rate, every answer trickles")
        }
    }
}
