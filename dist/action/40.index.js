export const id = 40;
export const ids = [40];
export const modules = {

/***/ 4570:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DG: () => (/* binding */ isLive),
/* harmony export */   DY: () => (/* binding */ deploymentState),
/* harmony export */   TV: () => (/* binding */ describeRecord),
/* harmony export */   U0: () => (/* binding */ stateNames)
/* harmony export */ });
/* unused harmony exports STATE_MEANINGS, DEPLOYMENT_STATE_NAMES */
const TERMINAL = new Set(['success', 'failure', 'error']);
/**
 * The first terminal status is the deploy's outcome; any later success/failure is a verdict
 * posted by smoke-test, status-check or rollback; inactive means something newer took over.
 */
function deploymentState(record) {
    // Ledgers give statuses oldest first (timestamps alone cannot order them: GitHub's have
    // whole-second resolution).
    const statuses = record.statuses;
    const outcomeIndex = statuses.findIndex(s => TERMINAL.has(s.state));
    const outcome = outcomeIndex >= 0 ? statuses[outcomeIndex] : undefined;
    const verdicts = outcome
        ? statuses.slice(outcomeIndex + 1).filter(s => TERMINAL.has(s.state))
        : [];
    const deployed = outcome?.state === 'success';
    const bad = deployed && verdicts.some(v => v.state !== 'success');
    const newest = statuses[statuses.length - 1];
    return {
        deployed,
        inProgress: !outcome && newest?.state !== 'inactive',
        inactive: newest?.state === 'inactive',
        verified: deployed && verdicts.length > 0 && !bad,
        bad,
        outcome,
        verdicts
    };
}
/** The live deployment: the newest that deployed and was not superseded. */
function isLive(record) {
    const state = deploymentState(record);
    return state.deployed && !state.inactive;
}
/**
 * The one vocabulary for a deployment's state, used by every message, the history table, its
 * JSON and the demo. Each word says what a rollback may do with the deployment.
 */
const STATE_MEANINGS = {
    'in-progress': 'the deploy has not recorded an outcome yet',
    live: 'deployed and serving now (the newest deployment that succeeded and was not superseded)',
    verified: 'deployed, superseded, and every check recorded on it passed: a rollback candidate',
    unverified: 'deployed and superseded, no check recorded: a rollback candidate after verified ones',
    bad: 'deployed, then a check failed on it: never a rollback target without force',
    failed: 'the deploy itself failed (or was cancelled)',
    'rolled-back': 'deployed, then a rollback replaced it: never a rollback target without force',
    inactive: 'superseded without counting: it never finished, or a newer deployment of the same version speaks for it'
};
const DEPLOYMENT_STATE_NAMES = Object.keys(STATE_MEANINGS);
/**
 * The state word of each record of an environment's history (newest first, as ledgers give
 * it). A word depends on the newer records too: which one is live, which rollback left a
 * deployment, and whether its version was deployed again later.
 */
function stateNames(records) {
    const states = records.map(deploymentState);
    const liveIndex = records.findIndex(isLive);
    const rolledBack = new Set(records
        .filter((r, i) => r.payload.operation === 'rollback' && states[i].deployed)
        .map(r => r.payload.rollback_of));
    const seen = new Set();
    return records.map((record, i) => {
        const s = states[i];
        const newerOfVersion = seen.has(record.payload.version);
        if (s.deployed)
            seen.add(record.payload.version);
        if (s.inProgress)
            return 'in-progress';
        if (!s.outcome)
            return 'inactive';
        if (!s.deployed)
            return 'failed';
        if (i === liveIndex)
            return 'live';
        if (rolledBack.has(record.id))
            return 'rolled-back';
        if (s.bad)
            return 'bad';
        if (newerOfVersion)
            return 'inactive';
        return s.verified ? 'verified' : 'unverified';
    });
}
/**
 * "1.4.2 (verified)" for messages. A deployment a check failed on also names that check, so a
 * live one that failed its checks says so.
 */
function describeRecord(record, state) {
    const failed = deploymentState(record).verdicts.find(v => v.state !== 'success');
    if (!failed || state === 'rolled-back')
        return `${record.payload.version} (${state})`;
    return `${record.payload.version} (${state}: ${failed.description || 'a check failed'})`;
}


/***/ }),

/***/ 8040:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  GitHubLedger: () => (/* binding */ GitHubLedger)
});

// EXTERNAL MODULE: ./build/ncc/core/errors.js
var errors = __webpack_require__(5052);
// EXTERNAL MODULE: ./build/ncc/core/ledger/ledger.js
var ledger = __webpack_require__(6192);
// EXTERNAL MODULE: ./build/ncc/core/ledger/deployment-state.js
var deployment_state = __webpack_require__(4570);
;// CONCATENATED MODULE: ./build/ncc/github/github-environment-lock.js


/** How far back the scan for an older in-progress deployment goes. */
const SCAN_LIMIT = 50;
/**
 * `ledger: github`: the environment's oldest in-progress Shiprail deployment whose workflow run
 * is still running holds it (SPEC §3). There is no lock to take: each deploy records itself
 * first, then looks for an older in-progress one, so of two racing deploys exactly one (the
 * older) goes ahead. A holder whose run has finished (a runner that vanished) is stale: marked
 * `error` and passed over. A holder recorded outside Actions has no run to ask and is trusted.
 */
class GitHubEnvironmentLock {
    client;
    ledger;
    constructor(client, ledger) {
        this.client = client;
        this.ledger = ledger;
    }
    async tryLock(own, ctx) {
        const older = [];
        let scanned = 0;
        for await (const record of this.ledger.history(own.environment)) {
            // Below the live deployment nothing can still be running under this rule.
            if ((0,deployment_state/* isLive */.DG)(record) || ++scanned > SCAN_LIMIT)
                break;
            if (record.id === own.id || Number(record.id) > Number(own.id))
                continue;
            if ((0,deployment_state/* deploymentState */.DY)(record).inProgress)
                older.push(record);
        }
        for (const holder of older.reverse()) {
            const run = await this.runState(holder.payload.run_url);
            if (run !== 'completed') {
                return {
                    acquired: false,
                    holder: {
                        deploymentId: holder.id,
                        version: holder.payload.version,
                        runUrl: holder.payload.run_url,
                        since: holder.createdAt,
                        ...(run === 'unknown'
                            ? {
                                process: 'its run could not be checked; with actions: read a finished run is passed over'
                            }
                            : {})
                    }
                };
            }
            ctx.logger.warning(`Passing over deployment ${holder.id} of ${holder.payload.version}: still in progress, but its run ${holder.payload.run_url} has finished (or does not exist); marking it error.`);
            await this.ledger.addStatus(holder.id, {
                state: 'error',
                description: (0,ledger/* clampDescription */.gs)(`${ledger/* SHIPRAIL_MARK */.d0} abandoned: its workflow run finished`)
            });
        }
        return { acquired: true, release: async () => undefined };
    }
    /**
     * 'completed' (also a run GitHub does not have: 404), 'running', or 'unknown' (not an Actions
     * run URL, or a token that may not read runs: 403 without `actions: read`).
     */
    async runState(runUrl) {
        const m = runUrl && /\/([^/]+)\/([^/]+)\/actions\/runs\/(\d+)(?:\/attempts\/\d+)?\/?$/.exec(runUrl);
        if (!m)
            return 'unknown';
        try {
            // https://docs.github.com/en/rest/actions/workflow-runs#get-a-workflow-run
            const { data } = await this.client.rest.actions.getWorkflowRun({
                owner: m[1],
                repo: m[2],
                run_id: Number(m[3])
            });
            return data.status === 'completed' ? 'completed' : 'running';
        }
        catch (err) {
            const status = err.status;
            if (status === 404)
                return 'completed';
            // A run we may not read (a token without actions: read) is trusted to be running.
            if (status === 403)
                return 'unknown';
            throw err;
        }
    }
}

;// CONCATENATED MODULE: ./build/ncc/github/github-ledger.js



/** Deployments read per page while walking an environment's history. */
const PAGE_SIZE = 30;
/** A walk never reads more than this many pages, whatever the caller wants. */
const MAX_PAGES = 20;
function toPayload(raw) {
    let value = raw;
    if (typeof value === 'string') {
        try {
            value = JSON.parse(value);
        }
        catch {
            value = {};
        }
    }
    const p = (value && typeof value === 'object' ? value : {});
    return {
        version: typeof p.version === 'string' ? p.version : '',
        driver: typeof p.driver === 'string' ? p.driver : '',
        previous_version: p.previous_version ?? null,
        operation: p.operation === 'rollback' ? 'rollback' : 'deploy',
        run_url: p.run_url ?? null,
        previous_deployment_id: p.previous_deployment_id ?? null,
        rollback_of: p.rollback_of ?? null,
        reason: p.reason ?? null,
        release: p.release ?? null,
        ...(typeof p.image === 'string' ? { image: p.image } : {}),
        ...(typeof p.image_id === 'string' ? { image_id: p.image_id } : {}),
        ...(imageIds(p.image_ids) ? { image_ids: p.image_ids } : {})
    };
}
/** A payload's per-host image IDs, when it is a map of strings (anything else is ignored). */
function imageIds(value) {
    return (typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        Object.values(value).every(v => typeof v === 'string'));
}
function toStatus(s) {
    return {
        state: s.state,
        description: s.description ?? '',
        environmentUrl: s.environment_url || undefined,
        logUrl: s.log_url || undefined,
        createdAt: s.created_at
    };
}
/**
 * `ledger: github`: GitHub's Deployments API, so the Environments page is the audit trail.
 * https://docs.github.com/en/rest/deployments/deployments
 */
class GitHubLedger {
    client;
    kind = 'github';
    commitSource = 'the GitHub API (GET /repos/{owner}/{repo}/commits/{ref})';
    /** Commit times already asked for: deployments of one commit share a call. */
    commits = new Map();
    owner;
    repo;
    locking;
    constructor(client, repository) {
        this.client = client;
        ;
        [this.owner, this.repo] = repository.split('/');
        this.locking = new GitHubEnvironmentLock(client, this);
    }
    async *history(environment) {
        for (let page = 1; page <= MAX_PAGES; page++) {
            const { data } = await this.client.rest.repos.listDeployments({
                owner: this.owner,
                repo: this.repo,
                environment,
                per_page: PAGE_SIZE,
                page
            });
            for (const d of data) {
                const payload = toPayload(d.payload);
                // Deployments Shiprail did not write (e.g. the ones Actions creates for a job that
                // declares `environment:`) carry no version: they are not part of this history.
                if (!payload.version)
                    continue;
                yield {
                    id: String(d.id),
                    environment: d.environment ?? environment,
                    ref: d.sha,
                    createdAt: d.created_at,
                    creator: d.creator?.login,
                    payload,
                    statuses: await this.statuses(d.id)
                };
            }
            if (data.length < PAGE_SIZE)
                return;
        }
    }
    async statuses(id) {
        // One page of 100 covers any deployment Shiprail wrote (it adds a handful of statuses).
        const { data } = await this.client.rest.repos.listDeploymentStatuses({
            owner: this.owner,
            repo: this.repo,
            deployment_id: id,
            per_page: 100
        });
        // Oldest first by id: created_at has whole-second resolution, so two statuses written in the
        // same second would tie (and GitHub lists newest first).
        return (data
            .sort((a, b) => a.id - b.id)
            // GitHub marks deployments inactive on its own (auto_inactive, environment jobs):
            // only Shiprail decides what it superseded.
            .filter(s => s.state !== 'inactive' || (s.description ?? '').startsWith(ledger/* SHIPRAIL_MARK */.d0))
            .map(toStatus));
    }
    async create(deployment) {
        const response = await this.client.rest.repos.createDeployment({
            owner: this.owner,
            repo: this.repo,
            ref: deployment.ref,
            environment: deployment.environment,
            description: deployment.description,
            auto_merge: false,
            required_contexts: [],
            payload: deployment.payload,
            production_environment: deployment.productionEnvironment,
            transient_environment: false,
            task: 'deploy'
        });
        // 202 means GitHub merged the default branch into the ref instead of creating anything.
        // https://docs.github.com/en/rest/deployments/deployments#create-a-deployment
        if (response.status !== 201 || !('id' in response.data)) {
            const message = response.data.message ?? '';
            throw new errors/* UserError */.yo(`GitHub did not create the deployment (HTTP ${response.status}${message ? `: ${message}` : ''}).`);
        }
        const d = response.data;
        const record = {
            id: String(d.id),
            environment: d.environment,
            ref: d.sha,
            createdAt: d.created_at,
            creator: d.creator?.login,
            payload: toPayload(d.payload),
            statuses: []
        };
        await this.addStatus(record.id, {
            state: 'in_progress',
            description: deployment.description,
            logUrl: deployment.logUrl
        });
        return record;
    }
    async addStatus(id, status) {
        await this.client.rest.repos.createDeploymentStatus({
            owner: this.owner,
            repo: this.repo,
            deployment_id: Number(id),
            state: status.state,
            description: (0,ledger/* clampDescription */.gs)(status.description),
            ...(status.logUrl ? { log_url: status.logUrl } : {}),
            ...(status.environmentUrl ? { environment_url: status.environmentUrl } : {}),
            // Shiprail marks earlier deployments inactive itself, the same way for production
            // (where GitHub never does) and for every other environment.
            auto_inactive: false
        });
    }
    commitTime(ref) {
        let time = this.commits.get(ref);
        if (!time) {
            time = this.fetchCommitTime(ref);
            this.commits.set(ref, time);
        }
        return time;
    }
    async fetchCommitTime(ref) {
        try {
            const { data } = await this.client.rest.repos.getCommit({
                owner: this.owner,
                repo: this.repo,
                ref
            });
            const date = data.commit.committer?.date;
            return date ? new Date(date) : undefined;
        }
        catch (err) {
            // A commit GitHub does not have (force-pushed away, another repository) has no time;
            // anything else is a real failure and must not turn into a silent "unknown".
            const status = err.status;
            if (status === 404 || status === 422)
                return undefined;
            throw err;
        }
    }
}


/***/ })

};
