import Monitor
import Testing

/// The scheduler driven event by event, with times as plain numbers: no sleeping.
@Suite struct SchedulerTests {
    let policy = PollPolicy(jitter: 0, backoffBase: .seconds(5), backoffCap: .seconds(120))

    @Test func everythingIsDueAtStartThenAtItsOwnInterval() {
        var scheduler = Scheduler(policy: policy, start: 0)
        #expect(scheduler.due(at: 0) == Resource.polledFromStart)
        #expect(scheduler.due(at: 0).isEmpty)  // all in flight: nothing twice
        #expect(scheduler.nextDue == nil)
        for resource in Resource.polledFromStart { scheduler.completed(resource, success: true, at: 1) }
        #expect(scheduler.nextDue == 31)
        #expect(scheduler.due(at: 30.9).isEmpty)
        #expect(scheduler.due(at: 31) == [.accounts])
        #expect(scheduler.due(at: 61) == [.summary])
        #expect(scheduler.due(at: 121) == [.orders])
        #expect(scheduler.due(at: 301) == [.flow, .staticIPs])
    }

    @Test func failuresBackOffExponentiallyToTheCap() {
        var scheduler = Scheduler(policy: policy, resources: [.accounts], start: 0)
        var now = 0.0
        var waits: [Double] = []
        for _ in 0..<8 {
            #expect(scheduler.due(at: now) == [.accounts])
            scheduler.completed(.accounts, success: false, at: now)
            let next = scheduler.nextDue!
            waits.append(next - now)
            now = next
        }
        #expect(waits == [5, 10, 20, 40, 80, 120, 120, 120])
        #expect(scheduler.due(at: now) == [.accounts])
        scheduler.completed(.accounts, success: true, at: now)
        #expect(scheduler.nextDue! - now == 30)  // recovery returns to the normal interval
        #expect(scheduler.entries[.accounts]?.failures == 0)
    }

    @Test func onDemandDataIsPolledOnlyOnceAPaneAsksAndThenAtItsInterval() {
        var scheduler = Scheduler(policy: policy, start: 0)
        _ = scheduler.due(at: 0)
        #expect(scheduler.nextAttempt(.catalogue) == nil)
        scheduler.ensure(.catalogue, at: 5)
        #expect(scheduler.due(at: 5) == [.catalogue])
        scheduler.completed(.catalogue, success: true, at: 6)
        scheduler.ensure(.catalogue, at: 10)  // the pane opened again: no extra poll
        #expect(scheduler.nextAttempt(.catalogue) == 3606)
        scheduler.request(.catalogue, at: 20)  // a command changed it: now
        #expect(scheduler.due(at: 20) == [.catalogue])
    }

    @Test func refreshNowSkipsWhatIsInFlight() {
        var scheduler = Scheduler(policy: policy, resources: [.accounts, .orders], start: 0)
        _ = scheduler.due(at: 0)
        scheduler.completed(.orders, success: true, at: 1)
        scheduler.refreshNow(at: 2)
        #expect(scheduler.due(at: 2) == [.orders])  // accounts is still in flight
        scheduler.completed(.accounts, success: true, at: 3)
        #expect(scheduler.due(at: 3).isEmpty)
    }

    @Test func jitterStaysWithinItsShare() {
        var scheduler = Scheduler(policy: PollPolicy(jitter: 0.1), resources: [.accounts], start: 0, seed: 99)
        var waits = Set<Double>()
        var now = 0.0
        for _ in 0..<50 {
            _ = scheduler.due(at: now)
            scheduler.completed(.accounts, success: true, at: now)
            let wait = scheduler.nextDue! - now
            #expect(wait >= 27 && wait <= 33)
            waits.insert(wait)
            now += wait
        }
        #expect(waits.count > 10)  // it does vary
    }

    @Test func requestAddsOrHurriesAResource() {
        var scheduler = Scheduler(policy: policy, resources: [.accounts], start: 0)
        _ = scheduler.due(at: 0)
        scheduler.completed(.accounts, success: true, at: 0)
        scheduler.request(.flow, at: 5)
        #expect(scheduler.due(at: 5) == [.flow])
    }

    @Test func backoffFormula() {
        #expect(policy.backoff(failures: 0) == .zero)
        #expect(policy.backoff(failures: 1) == .seconds(5))
        #expect(policy.backoff(failures: 50) == .seconds(120))
    }

    @Test func largeAccountListsArePolledLessOften() {
        var scheduler = Scheduler(policy: policy, resources: [.accounts, .orders], start: 0)
        _ = scheduler.due(at: 0)
        scheduler.completed(.accounts, success: true, at: 0, items: 2_000)
        #expect(scheduler.nextAttempt(.accounts) == 30)
        _ = scheduler.due(at: 30)
        scheduler.completed(.accounts, success: true, at: 30, items: 50_000)
        #expect(scheduler.nextAttempt(.accounts) == 330)  // ten intervals
        _ = scheduler.due(at: 330)
        scheduler.completed(.accounts, success: true, at: 330, items: 1_000_000)
        #expect(scheduler.nextAttempt(.accounts) == 930)  // capped at 10 minutes
        scheduler.completed(.orders, success: true, at: 0, items: 1_000_000)
        #expect(scheduler.nextAttempt(.orders) == 120)  // paginated lists are not stretched
    }
}
