import BudgetScheduler
import Foundation
import ImportEngine
import Logging
import Store

/// Records a job's state, its org and the org's last known API usage in the store, for
/// `sfconnect status`. Failing to record is logged, never fatal to the run.
struct StatusRecorder: Sendable {
    let store: Store
    let job: String
    let org: String
    let budget: BudgetScheduler
    let logger: Logger

    func started() {
        attempt { try store.setJobState(job: job, state: .running); try store.setJobOrg(job: job, org: org) }
    }

    func finished(_ report: ImportRunReport?) async {
        switch report?.outcome {
        case .completed?, .cancelled?: await finished(.idle, pausedUntil: nil)
        case .paused(let until)?: await finished(.paused, pausedUntil: until)
        case .failed?, nil: await finished(.failed, pausedUntil: nil)
        }
    }

    func finished(_ state: JobState, pausedUntil: Date?) async {
        let s = await budget.status()
        attempt {
            try store.setJobState(job: job, state: state, pausedUntil: state == .paused ? pausedUntil : nil)
            try store.setJobOrg(job: job, org: org)
            try store.saveOrgUsage(OrgUsage(org: org, dailyLimit: s.dailyLimit, salesforceRemaining: s.salesforceRemaining,
                                            budgetRemaining: s.orgRemaining, observedAt: s.observedAt ?? s.at))
        }
    }

    private func attempt(_ body: () throws -> Void) {
        do { try body() } catch {
            logger.warning("cannot record the job state", metadata: ["sf.job": "\(job)", "error": "\(error)"])
        }
    }
}
