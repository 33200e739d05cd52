export const id = 878;
export const ids = [878];
export const modules = {

/***/ 3878:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  STATUS_CHECK: () => (/* binding */ STATUS_CHECK)
});

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./build/ncc/core/checks/check-parser.js + 2 modules
var check_parser = __webpack_require__(1422);
// EXTERNAL MODULE: ./build/ncc/core/checks/yaml-fields.js
var yaml_fields = __webpack_require__(8762);
// EXTERNAL MODULE: ./build/ncc/core/errors.js
var errors = __webpack_require__(5052);
// EXTERNAL MODULE: ./build/ncc/core/ledger/verdict.js
var verdict = __webpack_require__(3496);
// EXTERNAL MODULE: ./build/ncc/core/settings/common.js
var settings_common = __webpack_require__(8532);
// EXTERNAL MODULE: ./build/ncc/core/settings/input-reader.js
var input_reader = __webpack_require__(4657);
;// CONCATENATED MODULE: ./build/ncc/core/settings/status-check-settings.js







const QUERY_FIELDS = ['name', 'query', 'max', 'min'];
const QUERIES_FORM = 'a YAML list of queries, each with `name`, `query` and `max` and/or `min`, e.g. `- {name: error-rate, query: "sum(rate(http_requests_total{code=~\\"5..\\"}[5m])) / sum(rate(http_requests_total[5m]))", max: 0.01}`';
const REGEX_FORM = 'a JavaScript regular expression, optionally written `/pattern/flags` (flags i, m, s, u)';
const MAX_QUERIES = 100;
function queryError(index, name, problem, accepted) {
    const label = typeof name === 'string' && name.trim() !== '' ? ` (${(0,input_reader/* showValue */.vp)(name)})` : '';
    return new errors/* InputError */.dz('prometheus-queries', `has ${problem} in query ${index + 1}${label}`, accepted);
}
/** A YAML number, or a string holding one ("0.05", "1e-3"); finite only. */
function bound(value) {
    if (typeof value === 'number')
        return Number.isFinite(value) ? value : undefined;
    if (typeof value !== 'string' || !/^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(value))
        return undefined;
    return Number(value);
}
/** Parses `prometheus-queries`: a YAML list, validated in full before the window starts. */
function parsePrometheusQueries(text) {
    if (text.trim() === '')
        return [];
    let items;
    try {
        items = (0,dist/* parse */.qg)(text);
    }
    catch (err) {
        const problem = err instanceof dist/* YAMLParseError */.XT
            ? err.message.split('\n')[0].replace(/:$/, '')
            : err.message;
        throw new errors/* InputError */.dz('prometheus-queries', `is not valid YAML (${problem})`, QUERIES_FORM);
    }
    if (!Array.isArray(items))
        throw new errors/* InputError */.dz('prometheus-queries', `is a ${(0,yaml_fields/* describeType */.MF)(items)}, not a list`, QUERIES_FORM);
    if (items.length === 0)
        throw new errors/* InputError */.dz('prometheus-queries', 'is an empty list', QUERIES_FORM);
    if (items.length > MAX_QUERIES) {
        throw new errors/* InputError */.dz('prometheus-queries', `has ${items.length} queries`, `at most ${MAX_QUERIES}`);
    }
    const seen = new Map();
    return items.map((item, i) => {
        if (!(0,yaml_fields/* isMap */.jh)(item)) {
            throw queryError(i, undefined, `a ${(0,yaml_fields/* describeType */.MF)(item)} instead of a map`, 'each query to be a map with `name`, `query` and `max` and/or `min`');
        }
        const rawName = item.name;
        for (const field of Object.keys(item)) {
            if (!QUERY_FIELDS.includes(field)) {
                throw queryError(i, rawName, `an unknown field \`${field}\``, `only ${QUERY_FIELDS.map(f => `\`${f}\``).join(', ')}`);
            }
        }
        if (rawName !== undefined &&
            (typeof rawName !== 'string' ||
                rawName.trim() === '' ||
                /[\r\n]/.test(rawName) ||
                rawName.length > 100)) {
            throw queryError(i, undefined, `a bad \`name\` (${typeof rawName === 'string' ? (0,input_reader/* showValue */.vp)(rawName) : `a ${(0,yaml_fields/* describeType */.MF)(rawName)}`})`, 'a one-line name of at most 100 characters');
        }
        const query = item.query;
        if (query === undefined || query === null)
            throw queryError(i, rawName, 'no `query`', 'a PromQL expression in `query`');
        if (typeof query !== 'string' || query.trim() === '') {
            throw queryError(i, rawName, `a ${typeof query === 'string' ? 'blank' : (0,yaml_fields/* describeType */.MF)(query)} \`query\``, 'a PromQL expression in `query`');
        }
        const limits = {};
        for (const field of ['max', 'min']) {
            if (item[field] === undefined)
                continue;
            const n = bound(item[field]);
            if (n === undefined) {
                const given = item[field];
                throw queryError(i, rawName, `a bad \`${field}\` (${typeof given === 'string' ? (0,input_reader/* showValue */.vp)(given) : `a ${(0,yaml_fields/* describeType */.MF)(given)}`})`, `a number in \`${field}\`, e.g. \`0.01\``);
            }
            limits[field] = n;
        }
        if (limits.max === undefined && limits.min === undefined) {
            throw queryError(i, rawName, 'neither `max` nor `min`', '`max` and/or `min`: the bounds the value must stay within');
        }
        if (limits.max !== undefined && limits.min !== undefined && limits.min > limits.max) {
            throw queryError(i, rawName, `\`min\` ${limits.min} above \`max\` ${limits.max}`, '`min` at most `max`');
        }
        const name = typeof rawName === 'string' ? rawName.trim() : `query ${i + 1}`;
        const other = seen.get(name);
        if (other !== undefined) {
            throw new errors/* InputError */.dz('prometheus-queries', `names ${(0,input_reader/* showValue */.vp)(name)} twice (queries ${other + 1} and ${i + 1})`, 'a unique `name` per query');
        }
        seen.set(name, i);
        return { name, query: query.trim(), ...limits };
    });
}
/** Reads and validates every status-check input; nothing is sent before this succeeds. */
function parseStatusCheckSettings(raw, defaults, workspace) {
    const reader = new input_reader/* InputReader */.i_(raw);
    const common = (0,settings_common/* parseCommon */.dw)(reader, defaults, true);
    const intervalS = reader.int('interval', 1, 3600);
    const durationS = reader.int('duration', 1, 86_400);
    if (durationS < intervalS) {
        throw new errors/* InputError */.dz('duration', `is ${durationS} s, shorter than \`interval\` (${intervalS} s)`, 'a window at least one interval long');
    }
    const minSuccessRate = reader.number('min-success-rate', 0, 1);
    const maxConsecutiveFailures = reader.int('max-consecutive-failures', 0, 1000);
    const maxP95LatencyMs = reader.optionalNumber('max-p95-latency-ms', 1, 600_000);
    const requestTimeoutMs = reader.int('request-timeout', 1, 600) * 1000;
    const concurrency = reader.int('concurrency', 1, 100);
    const onNoData = reader.oneOf('on-no-data', ['fail', 'pass']);
    const url = reader.url('url') ?? '';
    const checksText = reader.text('checks');
    const checks = url === '' && checksText.trim() === ''
        ? []
        : (0,check_parser/* parseChecks */.B)({ url, checks: checksText, workspace });
    // A password in the URL must not be echoed back in an error.
    const prometheusUrl = reader.url('prometheus-url', /@/.test(reader.string('prometheus-url'))) ?? '';
    const prometheusQueries = parsePrometheusQueries(reader.text('prometheus-queries'));
    if (prometheusQueries.length > 0 && prometheusUrl === '') {
        throw new errors/* InputError */.dz('prometheus-url', 'is required with `prometheus-queries`', 'the base URL of a Prometheus server, e.g. `http://prometheus:9090`');
    }
    const logCommand = reader.text('log-command');
    const patternText = reader.string('log-error-pattern');
    let logErrorPattern;
    try {
        logErrorPattern = (0,yaml_fields/* parseRegex */.rG)(patternText);
    }
    catch (err) {
        throw new errors/* InputError */.dz('log-error-pattern', `is ${(0,input_reader/* showValue */.vp)(patternText)}, not a valid regular expression (${err.message})`, REGEX_FORM);
    }
    const maxLogErrors = reader.int('max-log-errors', 0, 1_000_000);
    if (checks.length === 0 && prometheusQueries.length === 0 && logCommand.trim() === '') {
        throw new errors/* InputError */.dz('url', 'and `checks`, `prometheus-queries` and `log-command` are all empty', 'something to watch: `url`/`checks` (probes), `prometheus-queries` with `prometheus-url` (metrics), or `log-command` (logs)');
    }
    return {
        ...common,
        url,
        checks,
        intervalMs: intervalS * 1000,
        durationMs: durationS * 1000,
        minSuccessRate,
        maxConsecutiveFailures,
        maxP95LatencyMs,
        requestTimeoutMs,
        concurrency,
        prometheusUrl,
        prometheusQueries,
        onNoData,
        logCommand: logCommand.trim() === '' ? '' : logCommand,
        logErrorPattern,
        maxLogErrors,
        recordVerdict: reader.oneOf('record-verdict', verdict/* RECORD_VERDICT_MODES */.xU)
    };
}

// EXTERNAL MODULE: ./build/ncc/core/checks/check-spec.js
var check_spec = __webpack_require__(9753);
// EXTERNAL MODULE: ./build/ncc/core/checks/credential-masking.js
var credential_masking = __webpack_require__(5869);
// EXTERNAL MODULE: ./build/ncc/core/checks/check-runner.js + 1 modules
var check_runner = __webpack_require__(1541);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./build/ncc/core/process-runner.js + 1 modules
var process_runner = __webpack_require__(787);
// EXTERNAL MODULE: ./build/ncc/core/wording.js
var wording = __webpack_require__(2247);
;// CONCATENATED MODULE: ./build/ncc/core/checks/log-scan.js






/**
 * status-check's log scan: the user's `log-command` (`kubectl logs`, `ssh host journalctl`,
 * `tail` of a file) is run once at the end of the window and every line it prints is matched
 * against `log-error-pattern`. Lines are counted as they stream, so a long log costs no memory;
 * only the first few matches are kept, with secrets blanked, for the report.
 */
/** How long the log command may run. */
const LOG_COMMAND_TIMEOUT_MS = 60_000;
/** Matching lines kept for the report. */
const KEPT_MATCHES = 10;
/** A kept line longer than this is cut: one stack-trace-sized line must not bloat the report. */
const MAX_LINE_CHARS = 500;
/** Counts the lines that match and keeps the first few. */
class LogMatcher {
    pattern;
    keep;
    count = 0;
    lines = 0;
    first = [];
    constructor(pattern, keep = KEPT_MATCHES) {
        this.pattern = pattern;
        this.keep = keep;
    }
    feed(line) {
        this.lines++;
        if (!this.pattern.test(line))
            return;
        this.count++;
        if (this.first.length < this.keep) {
            this.first.push(line.length > MAX_LINE_CHARS ? `${line.slice(0, MAX_LINE_CHARS - 1)}…` : line);
        }
    }
}
/** Counts matching lines of a text (pure; the same rules as a streamed scan). */
function scanText(text, pattern, keep = KEPT_MATCHES) {
    const matcher = new LogMatcher(pattern, keep);
    const lines = text.split('\n');
    if (lines[lines.length - 1] === '')
        lines.pop();
    for (const line of lines)
        matcher.feed(line.replace(/\r$/, ''));
    return { count: matcher.count, lines: matcher.lines, first: matcher.first };
}
/**
 * Runs the log command and scans its output. Both streams are scanned, as a `run:` step shows
 * them: `docker logs` replays a container's stderr on stderr, where most services log. Never
 * throws for a failing command: a log scan that could not run is a failed scan with its reason,
 * since "no error lines" from a command that never read the logs would be a false all-clear.
 */
async function runLogScan(options, ctx) {
    const redact = (text) => ctx.secrets.redact(text);
    const timeoutMs = options.timeoutMs ?? LOG_COMMAND_TIMEOUT_MS;
    const matcher = new LogMatcher(options.pattern, options.keep ?? KEPT_MATCHES);
    const stderrTail = [];
    const report = (passed, reason, exitCode) => ({
        command: redact(options.command),
        errorCount: matcher.count,
        maxErrors: options.maxErrors,
        linesScanned: matcher.lines,
        firstMatches: matcher.first.map(redact),
        passed,
        reason: redact(reason),
        exitCode
    });
    const dir = await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'shiprail-logs-'));
    try {
        const file = (0,external_node_path_.join)(dir, 'log-command.sh');
        await (0,promises_.writeFile)(file, options.command, { mode: 0o600 });
        const env = {};
        for (const [k, v] of Object.entries({ ...ctx.run.env, ...options.env }))
            if (v !== undefined)
                env[k] = v;
        let result;
        try {
            result = await (0,process_runner/* runProcess */.R)('bash', {
                args: ['--noprofile', '--norc', '-eo', 'pipefail', file],
                cwd: ctx.run.workspace,
                env,
                timeoutMs,
                signal: ctx.signal,
                onLine: (line, stream) => {
                    matcher.feed(line);
                    if (stream === 'stderr' && line.trim() !== '') {
                        stderrTail.push(line.trim());
                        if (stderrTail.length > 3)
                            stderrTail.shift();
                    }
                }
            });
        }
        catch (err) {
            return report(false, `log-command could not be started: ${(0,errors/* errorMessage */.gJ)(err)}`, null);
        }
        if (result.exitCode !== 0) {
            const said = stderrTail.length ? `: ${stderrTail.join(' / ').slice(0, 300)}` : '';
            const partial = matcher.lines
                ? `; ${(0,wording/* plural */.LS)(matcher.count, 'error line')} in the ${(0,wording/* plural */.LS)(matcher.lines, 'line')} it printed`
                : '';
            return report(false, `log-command ${(0,process_runner/* describeExit */.K)(result, timeoutMs)}${said}${partial}`, result.exitCode);
        }
        const within = matcher.count <= options.maxErrors;
        const found = `${(0,wording/* plural */.LS)(matcher.count, 'error line')} in ${(0,wording/* plural */.LS)(matcher.lines, 'line')}`;
        return report(within, within
            ? `${found}, at most ${options.maxErrors} allowed`
            : `${found}, over the ${options.maxErrors} allowed`, 0);
    }
    finally {
        await (0,promises_.rm)(dir, { recursive: true, force: true });
    }
}

// EXTERNAL MODULE: ./build/ncc/core/checks/http-probe.js
var http_probe = __webpack_require__(1634);
;// CONCATENATED MODULE: ./build/ncc/core/checks/prometheus-query.js


function isMap(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** Prometheus writes sample values as strings: "0.5", "NaN", "+Inf". */
function sampleValue(pair) {
    if (!Array.isArray(pair) || pair.length !== 2 || typeof pair[1] !== 'string')
        return undefined;
    const text = pair[1];
    if (text === 'NaN')
        return NaN;
    if (text === '+Inf' || text === 'Inf')
        return Infinity;
    if (text === '-Inf')
        return -Infinity;
    const n = Number(text);
    return text.trim() === '' || Number.isNaN(n) ? undefined : n;
}
/** `{code="500", job="app"}` for a series' labels, shortened. */
function showLabels(metric) {
    if (!isMap(metric))
        return '{}';
    const text = `{${Object.entries(metric)
        .map(([k, v]) => `${k}=${JSON.stringify(String(v))}`)
        .join(', ')}}`;
    return text.length > 80 ? `${text.slice(0, 77)}...}` : text;
}
function numberOrNoData(value) {
    if (Number.isNaN(value)) {
        return {
            type: 'no-data',
            kind: 'no data',
            detail: 'the value is NaN (e.g. 0/0: no traffic in the range)'
        };
    }
    return { type: 'value', value };
}
/** HTTP statuses after which asking again is pointless: the request itself is wrong. */
function finalStatus(status) {
    return status >= 400 && status < 500 && ![408, 422, 429].includes(status);
}
/**
 * Reads one reply of /api/v1/query. Pure, so every shape Prometheus (or something else at that
 * URL) can answer is tested table-driven.
 */
function readQueryReply(status, body) {
    let json;
    try {
        json = JSON.parse(body);
    }
    catch {
        json = undefined;
    }
    if (!isMap(json) || (json.status !== 'success' && json.status !== 'error')) {
        const start = body.replace(/\s+/g, ' ').trim().slice(0, 60);
        return {
            type: 'error',
            message: `answered ${status} with something other than the Prometheus API${start ? ` (${JSON.stringify(start)})` : ''}; check prometheus-url`,
            final: finalStatus(status) || (status >= 200 && status < 300)
        };
    }
    if (json.status === 'error') {
        const kind = typeof json.errorType === 'string' ? `${json.errorType}: ` : '';
        const text = typeof json.error === 'string' ? json.error : 'no error text';
        return {
            type: 'error',
            message: `Prometheus answered ${status}: ${kind}${text}`,
            final: json.errorType === 'bad_data' || finalStatus(status)
        };
    }
    const data = json.data;
    if (!isMap(data) || typeof data.resultType !== 'string') {
        return { type: 'error', message: 'Prometheus answered without data.resultType', final: false };
    }
    const result = data.result;
    switch (data.resultType) {
        case 'scalar': {
            const value = sampleValue(result);
            if (value === undefined)
                return { type: 'error', message: 'Prometheus sent a malformed scalar', final: false };
            return numberOrNoData(value);
        }
        case 'vector': {
            if (!Array.isArray(result))
                return { type: 'error', message: 'Prometheus sent a malformed vector', final: false };
            if (result.length === 0)
                return { type: 'no-data', kind: 'no data', detail: 'the query returned no series' };
            if (result.length > 1) {
                const shown = result
                    .slice(0, 2)
                    .map(s => showLabels(isMap(s) ? s.metric : undefined))
                    .join(', ');
                return {
                    type: 'no-data',
                    kind: 'not a single value',
                    detail: `the query returned ${result.length} series (${shown}${result.length > 2 ? ', ...' : ''}); aggregate them, e.g. with sum(...)`
                };
            }
            const only = result[0];
            const value = isMap(only) ? sampleValue(only.value) : undefined;
            if (value === undefined)
                return { type: 'error', message: 'Prometheus sent a malformed sample', final: false };
            return numberOrNoData(value);
        }
        case 'matrix':
            return {
                type: 'no-data',
                kind: 'not a single value',
                detail: 'the query returned a range vector (matrix); wrap it in a function such as rate(...[5m]) or max_over_time(...)'
            };
        default:
            return {
                type: 'no-data',
                kind: 'not a single value',
                detail: `the query returned a ${data.resultType}, not a number`
            };
    }
}
/** The query URL: `<prometheus-url>/api/v1/query?query=...&timeout=...`. */
function queryUrl(baseUrl, query, timeoutMs) {
    const url = new URL((0,check_spec/* joinUrl */.we)(baseUrl, '/api/v1/query'));
    url.searchParams.set('query', query);
    // Prometheus stops evaluating at its own timeout too, instead of working on after we gave up.
    url.searchParams.set('timeout', `${Math.max(1, Math.floor(timeoutMs / 1000))}s`);
    return url.toString();
}
/**
 * Runs one instant query at "now" and reads the answer. Never throws: a transport failure is an
 * outcome like any other, with the words http-probe uses for it.
 */
async function queryPrometheus(baseUrl, query, options) {
    const result = await (0,http_probe/* httpProbe */.HB)({
        url: queryUrl(baseUrl, query, options.timeoutMs),
        method: 'GET',
        headers: { accept: 'application/json' },
        timeoutMs: options.timeoutMs,
        signal: options.signal
    });
    // Refused, reset, timed out: Prometheus or the way to it may be back at the next round.
    if (result.type === 'error')
        return { type: 'error', message: result.message, final: false };
    return readQueryReply(result.status, result.body);
}
/** 0.0123 → "0.0123", 1234.5678 → "1235", Infinity → "+Inf". */
function showNumber(n) {
    if (n === Infinity)
        return '+Inf';
    if (n === -Infinity)
        return '-Inf';
    if (Number.isNaN(n))
        return 'NaN';
    if (Number.isInteger(n))
        return String(n);
    const abs = Math.abs(n);
    if (abs >= 1000)
        return String(Math.round(n));
    return String(Number(n.toPrecision(4)));
}
/** "≤ 0.05", "≥ 10", "10 to 20". */
function describeBounds(bounds) {
    const { min, max } = bounds;
    if (min !== undefined && max !== undefined)
        return `${showNumber(min)} to ${showNumber(max)}`;
    if (max !== undefined)
        return `≤ ${showNumber(max)}`;
    if (min !== undefined)
        return `≥ ${showNumber(min)}`;
    return 'any';
}
/** Judges one value against its bounds; both ends are inclusive. */
function judgeValue(value, bounds) {
    if (Number.isNaN(value))
        return { ok: false, reason: 'the value is NaN' };
    if (bounds.max !== undefined && value > bounds.max)
        return { ok: false, reason: `${showNumber(value)} is over max ${showNumber(bounds.max)}` };
    if (bounds.min !== undefined && value < bounds.min)
        return { ok: false, reason: `${showNumber(value)} is under min ${showNumber(bounds.min)}` };
    return { ok: true, reason: `${showNumber(value)} is within ${describeBounds(bounds)}` };
}

// EXTERNAL MODULE: ./build/ncc/core/ledger/ledger.js
var ledger = __webpack_require__(6192);
;// CONCATENATED MODULE: ./build/ncc/core/checks/latency-stats.js
/**
 * Latency and success-rate figures for status-check, and the arithmetic that decides whether a
 * threshold can still be met with the rounds left. Pure: no clock, no I/O, tested table-driven.
 *
 * Percentiles are nearest-rank (the smallest observed value with at least p% of the values at
 * or below it), not interpolated: every figure shown is a latency that really happened, and
 * "can p95 still be met?" has an exact answer (see slowAllowance).
 */
/** Nearest-rank percentile of values (p from 0 to 100); undefined for no values. */
function percentile(values, p) {
    if (values.length === 0)
        return undefined;
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.max(0, rank(sorted.length, p) - 1)];
}
/**
 * 1-based nearest rank of percentile p among n values: ceil(p/100 * n), computed on integers
 * where possible so 0.95 * 20 cannot come out as 19.000000000000004.
 */
function rank(n, p) {
    const scaled = Math.round(p * 1000);
    return Math.ceil((scaled * n) / 100_000);
}
function summarizeLatency(values) {
    if (values.length === 0)
        return { count: 0, p50: null, p95: null, max: null };
    const sorted = [...values].sort((a, b) => a - b);
    const at = (p) => sorted[Math.max(0, rank(sorted.length, p) - 1)];
    return { count: sorted.length, p50: at(50), p95: at(95), max: sorted[sorted.length - 1] };
}
/** Share of passes, 0 to 1; null when nothing was counted. */
function successRate(passed, total) {
    return total === 0 ? null : passed / total;
}
/** Tolerance for comparing rates: 0.9 written by a user must accept 9 of 10. */
const EPSILON = 1e-9;
function meetsSuccessRate(rate, minRate) {
    return rate >= minRate - EPSILON;
}
/**
 * The best success rate still reachable when `failed` of `planned` probes have failed already:
 * every probe not yet sent passes.
 */
function bestSuccessRate(failed, planned) {
    if (planned <= 0)
        return 1;
    return Math.max(0, planned - failed) / planned;
}
/** Whether min-success-rate can still be met after `failed` failures out of `planned` probes. */
function successRateReachable(failed, planned, minRate) {
    return meetsSuccessRate(bestSuccessRate(failed, planned), minRate);
}
/**
 * How many of n latencies may be above a limit while the p-th percentile stays at or under it:
 * n - rank(n, p). With nearest rank, p95 <= limit exactly when at most this many are above it.
 * It never shrinks as n grows, so the allowance of the most samples a window can produce is
 * the most any outcome can allow.
 */
function slowAllowance(n, p = 95) {
    if (n <= 0)
        return 0;
    return n - rank(n, p);
}
/**
 * Whether a latency percentile threshold can still be met when `slow` latencies are above it
 * already and the window can produce at most `planned` latencies in all.
 */
function percentileReachable(slow, planned, p = 95) {
    return slow <= slowAllowance(planned, p);
}

;// CONCATENATED MODULE: ./build/ncc/core/steps/status-check-judging.js



/**
 * How a status-check window is judged: per check, per query, and whether a failure is already
 * decided (no round still to come can undo it). The rules are explained where statusCheck is.
 */
/** Query errors in a row that end the window (Argo Rollouts' default consecutiveErrorLimit). */
const CONSECUTIVE_ERROR_LIMIT = 4;
function roundsFor(settings) {
    return Math.floor(settings.durationMs / settings.intervalMs) + 1;
}
/** The latency a sample counts with: a reply's, or a timeout's; none for refused/reset/DNS. */
function sampleOf(round, atMs, attempt, redact) {
    const r = attempt.result;
    const latencyMs = r.type === 'response' || r.kind === 'timeout' ? Math.round(r.latencyMs) : null;
    const sample = {
        round,
        atMs,
        ok: attempt.evaluation.ok,
        latencyMs,
        status: r.type === 'response' ? r.status : null
    };
    if (!attempt.evaluation.ok)
        sample.reason = redact(attempt.evaluation.reasons.join('; '));
    return sample;
}
/**
 * Judges one check. With rounds still to come, only failures no future can undo count
 * (decided); with none left, the figures are final.
 */
function judgeProbe(samples, remainingRounds, thresholds) {
    const { minSuccessRate, maxConsecutiveFailures, maxP95LatencyMs } = thresholds;
    const total = samples.length;
    const failed = samples.filter(s => !s.ok).length;
    const passes = total - failed;
    const rate = successRate(passes, total);
    const latencies = samples.flatMap(s => (s.latencyMs === null ? [] : [s.latencyMs]));
    const stats = summarizeLatency(latencies);
    const lastFailure = [...samples].reverse().find(s => !s.ok)?.reason;
    const failures = [];
    let decided = false;
    const planned = total + remainingRounds;
    let successRatePassed = true;
    // A run of failures is decided at once: rounds to come cannot make it shorter.
    const run = longestFailureRun(samples);
    if (run > maxConsecutiveFailures) {
        successRatePassed = false;
        decided = true;
        failures.push(`${run} probes in a row failed; max-consecutive-failures allows ${maxConsecutiveFailures} (more is an outage, not a blip)`);
    }
    if (remainingRounds > 0) {
        if (successRatePassed && !successRateReachable(failed, planned, minSuccessRate)) {
            successRatePassed = false;
            decided = true;
            failures.push(`${failed} of ${total} probes failed; even if all ${remainingRounds} still to come pass, ` +
                `the success rate is at most ${(0,wording/* percent */.KN)(bestSuccessRate(failed, planned))}, under min ${(0,wording/* percent */.KN)(minSuccessRate)}`);
        }
    }
    else if (successRatePassed && rate !== null && !meetsSuccessRate(rate, minSuccessRate)) {
        successRatePassed = false;
        decided = true;
        failures.push(`success rate ${(0,wording/* percent */.KN)(rate)} (${passes}/${total}) is under min ${(0,wording/* percent */.KN)(minSuccessRate)}`);
    }
    let p95Passed = null;
    if (maxP95LatencyMs !== undefined) {
        p95Passed = true;
        const slow = latencies.filter(l => l > maxP95LatencyMs).length;
        if (remainingRounds > 0) {
            // The most latencies this check can still end with: one per round to come.
            const most = latencies.length + remainingRounds;
            if (!percentileReachable(slow, most)) {
                p95Passed = false;
                decided = true;
                failures.push(`${slow} of ${latencies.length} probes took over ${maxP95LatencyMs} ms (p95 so far ${(0,wording/* roundedMs */.Wr)(stats.p95)}); ` +
                    `at most ${slowAllowance(most)} of ${most} may for p95 to stay within max`);
            }
        }
        else if (stats.p95 === null) {
            if (total > 0) {
                p95Passed = false;
                decided = true;
                failures.push('no probe got a reply, so p95 latency cannot be measured');
            }
        }
        else if (stats.p95 > maxP95LatencyMs) {
            p95Passed = false;
            decided = true;
            failures.push(`p95 latency ${(0,wording/* roundedMs */.Wr)(stats.p95)} is over max ${maxP95LatencyMs} ms`);
        }
    }
    if (failures.length) {
        const last = lastFailure && successRatePassed === false ? `; last failure: ${lastFailure}` : '';
        return {
            passed: false,
            decided,
            reason: `${failures.join('; ')}${last}`,
            successRatePassed,
            p95Passed
        };
    }
    const figures = total === 0
        ? 'no probe sent'
        : `${passes}/${total} passed (${(0,wording/* percent */.KN)(rate)}), p95 ${(0,wording/* roundedMs */.Wr)(stats.p95)}`;
    return {
        passed: true,
        decided: false,
        reason: remainingRounds > 0 ? `${figures} before the window ended` : figures,
        successRatePassed,
        p95Passed
    };
}
/** The most failed probes in a row. */
function longestFailureRun(samples) {
    let longest = 0;
    let current = 0;
    for (const s of samples) {
        current = s.ok ? 0 : current + 1;
        longest = Math.max(longest, current);
    }
    return longest;
}
/** Each check's figures and verdict; `remaining` rounds still to come (0 when finished). */
function probeReports(settings, samples, remaining, redact) {
    return settings.checks.map((check, i) => {
        const judged = judgeProbe(samples[i], remaining, settings);
        const passes = samples[i].filter(s => s.ok).length;
        const stats = summarizeLatency(samples[i].flatMap(s => (s.latencyMs === null ? [] : [s.latencyMs])));
        const report = {
            name: redact(check.name),
            method: check.method,
            url: redact(check.shownUrl),
            samples: samples[i],
            total: samples[i].length,
            passes,
            successRate: successRate(passes, samples[i].length),
            p50: stats.p50,
            p95: stats.p95,
            max: stats.max,
            minSuccessRate: settings.minSuccessRate,
            maxConsecutiveFailures: settings.maxConsecutiveFailures,
            successRatePassed: judged.successRatePassed,
            p95Passed: judged.p95Passed,
            passed: judged.passed,
            reason: redact(judged.reason)
        };
        if (settings.maxP95LatencyMs !== undefined)
            report.maxP95LatencyMs = settings.maxP95LatencyMs;
        return report;
    });
}
/** Records one query answer and decides whether the query has failed for good. */
function addMetricValue(state, outcome, round, atMs, onNoData, redact) {
    const seconds = `at ${Math.round(atMs / 1000)} s`;
    if (outcome.type === 'value') {
        state.consecutiveErrors = 0;
        state.values.push({ round, atMs, value: outcome.value });
        const judged = judgeValue(outcome.value, state.spec);
        if (!judged.ok && !state.failure)
            state.failure = `${judged.reason} ${seconds}`;
        return;
    }
    if (outcome.type === 'no-data') {
        state.consecutiveErrors = 0;
        const detail = redact(outcome.detail);
        state.values.push({ round, atMs, value: null, noData: outcome.kind, detail });
        if (onNoData === 'fail' && !state.failure)
            state.failure = `${outcome.kind} ${seconds}: ${detail} (on-no-data: fail)`;
        return;
    }
    const error = redact(outcome.message);
    state.consecutiveErrors++;
    state.values.push({ round, atMs, value: null, error });
    if (state.failure)
        return;
    if (outcome.final)
        state.failure = `the query failed ${seconds}: ${error}`;
    else if (state.consecutiveErrors >= CONSECUTIVE_ERROR_LIMIT)
        state.failure = `${state.consecutiveErrors} queries in a row failed; last: ${error}`;
}
function metricReport(state, finished) {
    const numbers = state.values.flatMap(v => (v.value === null ? [] : [v.value]));
    const noData = state.values.filter(v => v.noData);
    const errors = state.values.filter(v => v.error);
    const report = {
        name: state.spec.name,
        query: state.spec.query,
        ...(state.spec.min !== undefined ? { min: state.spec.min } : {}),
        ...(state.spec.max !== undefined ? { max: state.spec.max } : {}),
        values: state.values,
        last: numbers.length ? numbers[numbers.length - 1] : null,
        lowest: numbers.length ? Math.min(...numbers) : null,
        highest: numbers.length ? Math.max(...numbers) : null,
        noDataRounds: noData.length,
        errors: errors.length,
        passed: true,
        reason: ''
    };
    if (noData.length)
        report.noData = noData[noData.length - 1].noData;
    if (state.failure)
        return { ...report, passed: false, reason: state.failure };
    if (finished && state.values.length > 0 && errors.length === state.values.length) {
        return {
            ...report,
            passed: false,
            reason: `every query failed; last: ${errors[errors.length - 1].error}`
        };
    }
    const parts = [];
    if (numbers.length) {
        const range = numbers.length > 1
            ? ` (${showNumber(report.lowest)} to ${showNumber(report.highest)} over ${(0,wording/* plural */.LS)(numbers.length, 'round')})`
            : '';
        parts.push(`last ${showNumber(report.last)}${range}, within ${describeBounds(state.spec)}`);
    }
    if (noData.length) {
        const last = noData[noData.length - 1];
        parts.push(`${last.noData} in ${noData.length} of ${(0,wording/* plural */.LS)(state.values.length, 'round')} (${last.detail}); on-no-data: pass`);
    }
    if (errors.length)
        parts.push(`${(0,wording/* plural */.LS)(errors.length, 'query error')} ignored`);
    if (!finished)
        parts.push('before the window ended');
    return { ...report, reason: parts.join('; ') || 'not queried' };
}
function overallOf(probes) {
    const samples = probes.flatMap(p => p.samples);
    const failed = samples.filter(s => !s.ok).length;
    const stats = summarizeLatency(samples.flatMap(s => (s.latencyMs === null ? [] : [s.latencyMs])));
    return {
        successRate: successRate(samples.length - failed, samples.length),
        p50Ms: stats.p50,
        p95Ms: stats.p95,
        maxMs: stats.max,
        probes: samples.length,
        failed
    };
}

;// CONCATENATED MODULE: ./build/ncc/core/steps/status-check-result.js
/** "1.4.2 since 2026-… (deployment 7, by rollback, deployed by alice)". */
function describeLive(live) {
    const how = live.operation === 'rollback' ? ', by rollback' : '';
    const who = live.creator ? `, deployed by ${live.creator}` : '';
    return `${live.version} since ${live.since} (deployment ${live.deploymentId}${how}${who})`;
}

;// CONCATENATED MODULE: ./build/ncc/core/steps/status-check.js











/**
 * The status-check step, modelled on Argo Rollouts' analysis: a fixed number of
 * rounds (`duration / interval + 1`: one at the start, one at the end of the window), each
 * sending every probe and running every Prometheus query; a verdict from thresholds; and an
 * early end as soon as a threshold can no longer be met.
 *
 * When a threshold "can no longer be met" (Argo's failure limit, decided per kind):
 * - Probe success rate: planned = rounds × 1 per check. After `failed` failures the best
 *   reachable rate is (planned - failed) / planned (every probe still to come passes); once
 *   that is under min-success-rate, no future can rescue it. With the default 1.0 the first
 *   failed probe ends the window, like Argo's default failureLimit of 0.
 * - Probe p95: with nearest-rank percentiles, p95 <= max holds exactly when at most
 *   n - ceil(0.95 n) latencies are above max; once more than that many are above it for the
 *   most latencies the window can still produce, p95 must end over max.
 * - A metric is a bound every measurement must respect (Argo's successCondition with
 *   failureLimit 0): one value out of bounds, or no single value with `on-no-data: fail`,
 *   ends the window at once. A query Prometheus rejects as malformed does too (asking again
 *   cannot help). Other query errors (Prometheus down, timeouts) are inconclusive, as in Argo:
 *   they end the window only after CONSECUTIVE_ERROR_LIMIT in a row, and fail the query at the
 *   end only when it never gave an answer.
 * - Logs are read once, at the end of the window (or right after an early end).
 * Thresholds are judged per check: a dead endpoint is not hidden by healthy ones. The overall
 * figures (outputs `success-rate`, `p95-ms`) are reported, not judged.
 */
function liveOf(record) {
    if (!record)
        return undefined;
    const live = {
        version: record.payload.version,
        since: record.statuses.find(s => s.state === 'success')?.createdAt ?? record.createdAt,
        deploymentId: record.id,
        ref: record.ref,
        operation: record.payload.operation
    };
    if (record.creator)
        live.creator = record.creator;
    const url = (0,ledger/* environmentUrlOf */.k0)(record);
    if (url)
        live.environmentUrl = url;
    return live;
}
function planLines(settings, rounds) {
    const lines = [
        `window ${(0,wording/* spokenDuration */.Vz)(settings.durationMs)}: ${rounds} rounds, one every ${(0,wording/* spokenDuration */.Vz)(settings.intervalMs)}; ` +
            `request timeout ${(0,wording/* spokenDuration */.Vz)(settings.requestTimeoutMs)}, ${settings.concurrency} at once`
    ];
    if (settings.checks.length) {
        const p95 = settings.maxP95LatencyMs === undefined
            ? ''
            : `, p95 latency at most ${settings.maxP95LatencyMs} ms`;
        lines.push(`probes: each check must pass at least ${(0,wording/* percent */.KN)(settings.minSuccessRate)} of its probes, with at most ${(0,wording/* plural */.LS)(settings.maxConsecutiveFailures, 'failure')} in a row${p95}`);
    }
    for (const check of settings.checks) {
        lines.push(`  ${check.name}: ${check.method} ${check.shownUrl}`);
        lines.push(`    expects ${(0,check_spec/* describeExpectations */.T2)(check).join(', ')}`);
    }
    if (settings.prometheusQueries.length) {
        lines.push(`metrics from ${(0,credential_masking/* maskUrl */.yP)(settings.prometheusUrl)} (no data: ${settings.onNoData}):`);
        for (const q of settings.prometheusQueries)
            lines.push(`  ${q.name}: ${q.query} must be ${describeBounds(q)}`);
    }
    if (settings.logCommand) {
        lines.push(`logs: log-command at the end of the window; lines matching ${String(settings.logErrorPattern)}, at most ${settings.maxLogErrors} allowed`);
    }
    return lines;
}
function verdictDetail(result) {
    if (!result.healthy) {
        const more = result.reasons.length > 1 ? ` (+${result.reasons.length - 1} more)` : '';
        return `${result.reasons[0] ?? 'unhealthy'}${more}`;
    }
    const parts = [`healthy for ${(0,wording/* spokenDuration */.Vz)(result.durationMs)}`];
    if (result.overall.probes)
        parts.push(`${(0,wording/* percent */.KN)(result.overall.successRate)} of ${result.overall.probes} probes, p95 ${(0,wording/* roundedMs */.Wr)(result.overall.p95Ms)}`);
    if (result.metrics.length)
        parts.push(`${(0,wording/* plural */.LS)(result.metrics.length, 'metric')} in bounds`);
    if (result.logs)
        parts.push((0,wording/* plural */.LS)(result.logs.errorCount, 'error line'));
    return parts.join(', ');
}
/**
 * The status-check step: watches an environment for the window and returns the verdict. An
 * unhealthy environment is a result with healthy: false, not an exception; the edge fails
 * the step. Cancellation throws CheckFailedError and records nothing.
 */
async function statusCheck(settings, ctx) {
    // Before anything is logged: credential headers, URL passwords and tokens.
    (0,credential_masking/* maskCheckSecrets */.k1)(settings.checks, ctx.secrets);
    if (settings.prometheusUrl) {
        try {
            const parsed = new URL(settings.prometheusUrl);
            if (parsed.password)
                ctx.secrets.add(decodeURIComponent(parsed.password));
        }
        catch {
            // Validated when the settings were parsed.
        }
    }
    const redact = (text) => ctx.secrets.redact(text);
    const environment = settings.environment;
    const plannedRounds = roundsFor(settings);
    const now = () => ctx.clock.now().getTime();
    const started = now();
    const startedAt = new Date(started).toISOString();
    if (settings.dryRun) {
        await ctx.logger.group('Status check plan (dry run: nothing is sent)', async () => {
            ctx.logger.info(`environment ${environment}: the ledger is not read or written in a dry run`);
            for (const line of planLines(settings, plannedRounds))
                ctx.logger.info(redact(line));
        });
        const states = settings.prometheusQueries.map(spec => ({
            spec,
            values: [],
            consecutiveErrors: 0
        }));
        return {
            step: 'status-check',
            healthy: true,
            dryRun: true,
            environment,
            startedAt,
            durationMs: 0,
            plannedDurationMs: settings.durationMs,
            intervalMs: settings.intervalMs,
            rounds: 0,
            plannedRounds,
            endedEarly: false,
            reasons: [],
            probes: probeReports(settings, settings.checks.map(() => []), plannedRounds, redact).map(p => ({ ...p, reason: 'dry run: not sent' })),
            overall: overallOf([]),
            metrics: states.map(s => ({
                ...metricReport(s, false),
                query: redact(s.spec.query),
                reason: 'dry run: not queried'
            }))
        };
    }
    let live;
    if (ctx.ledger.kind !== 'none') {
        try {
            live = liveOf(await (0,verdict/* findLive */.KI)(ctx, environment));
            if (live)
                ctx.logger.info(redact(`Live in ${environment}: ${describeLive(live)}`));
            else
                ctx.logger.warning(`The ledger has no live deployment of ${environment}.`);
        }
        catch (err) {
            ctx.logger.warning(redact(`Could not read what is live in ${environment}: ${(0,errors/* errorMessage */.gJ)(err)}`));
        }
    }
    if (settings.prometheusUrl && settings.prometheusQueries.length === 0)
        ctx.logger.warning('prometheus-url is set but prometheus-queries is empty: nothing is queried.');
    if (settings.maxP95LatencyMs !== undefined && settings.checks.length === 0)
        ctx.logger.warning('max-p95-latency-ms is set but there are no probes (url/checks) to time.');
    const samples = settings.checks.map(() => []);
    const metrics = settings.prometheusQueries.map(spec => ({
        spec,
        values: [],
        consecutiveErrors: 0
    }));
    let rounds = 0;
    let endedEarly = false;
    const cancelled = () => new errors/* CheckFailedError */.CO(`The status check was cancelled after ${(0,wording/* spokenDuration */.Vz)(now() - started)}; no verdict was recorded.`);
    await ctx.logger.group(redact(`Status check of ${environment}: ${(0,wording/* spokenDuration */.Vz)(settings.durationMs)}, every ${(0,wording/* spokenDuration */.Vz)(settings.intervalMs)}`), async () => {
        for (const line of planLines(settings, plannedRounds))
            ctx.logger.debug(redact(line));
        for (let round = 0; round < plannedRounds; round++) {
            // Rounds keep to the schedule; a round that overran its slot delays the next one only.
            const wait = started + round * settings.intervalMs - now();
            if (wait > 0) {
                try {
                    await ctx.clock.sleep(wait, ctx.signal);
                }
                catch {
                    throw cancelled();
                }
            }
            if (ctx.signal.aborted)
                throw cancelled();
            const atMs = now() - started;
            const [attempts, outcomes] = await Promise.all([
                (0,check_runner/* mapPool */.Pk)(settings.checks, settings.concurrency, (check) => (0,check_runner/* probeOnce */.mI)(check, { requestTimeoutMs: settings.requestTimeoutMs, signal: ctx.signal })),
                (0,check_runner/* mapPool */.Pk)(metrics, settings.concurrency, m => queryPrometheus(settings.prometheusUrl, m.spec.query, {
                    timeoutMs: settings.requestTimeoutMs,
                    signal: ctx.signal
                }))
            ]);
            if (ctx.signal.aborted)
                throw cancelled();
            rounds = round + 1;
            attempts.forEach((a, i) => samples[i].push(sampleOf(round, atMs, a, redact)));
            outcomes.forEach((o, i) => addMetricValue(metrics[i], o, round, atMs, settings.onNoData, redact));
            ctx.logger.info(redact(roundLine(rounds, plannedRounds, atMs, settings, samples, metrics)));
            const remaining = plannedRounds - rounds;
            if (remaining === 0)
                break;
            const decided = [
                ...samples.flatMap((s, i) => {
                    const j = judgeProbe(s, remaining, settings);
                    return j.decided ? [`probe ${settings.checks[i].name}`] : [];
                }),
                ...metrics.flatMap(m => (m.failure ? [`metric ${m.spec.name}`] : []))
            ];
            if (decided.length) {
                endedEarly = true;
                // Names only: the failure line at the end gives each reason, once.
                ctx.logger.info(redact(`Ending the window early after ${(0,wording/* plural */.LS)(rounds, 'round')} of ${plannedRounds}: ${decided.join(', ')} can no longer meet the thresholds.`));
                break;
            }
        }
    });
    let logs;
    if (settings.logCommand) {
        logs = await ctx.logger.group('Status check: scanning logs', async () => {
            const windowStart = new Date(started);
            const env = {
                SHIPRAIL_ENVIRONMENT: environment,
                SHIPRAIL_WINDOW_START: windowStart.toISOString().replace(/\.\d{3}Z$/, 'Z'),
                SHIPRAIL_WINDOW_START_EPOCH: String(Math.floor(started / 1000)),
                SHIPRAIL_WINDOW_SECONDS: String(Math.max(1, Math.ceil((now() - started) / 1000)))
            };
            if (live)
                env.SHIPRAIL_VERSION = live.version;
            const report = await runLogScan({
                command: settings.logCommand,
                pattern: settings.logErrorPattern,
                maxErrors: settings.maxLogErrors,
                env
            }, ctx);
            if (ctx.signal.aborted)
                throw cancelled();
            if (report.passed)
                ctx.logger.info(`✅ logs: ${report.reason}`);
            else
                ctx.logger.info('❌ logs: over the limit of error lines');
            for (const line of report.firstMatches)
                ctx.logger.info(`   ${line}`);
            return report;
        });
    }
    const finished = !endedEarly;
    const remaining = finished ? 0 : plannedRounds - rounds;
    const probes = probeReports(settings, samples, remaining, redact);
    const metricReports = metrics.map(m => ({
        ...metricReport(m, finished),
        query: redact(m.spec.query)
    }));
    const reasons = [
        ...probes.filter(p => !p.passed).map(p => `probe ${p.name}: ${p.reason}`),
        ...metricReports.filter(m => !m.passed).map(m => redact(`metric ${m.name}: ${m.reason}`)),
        ...(logs && !logs.passed ? [`logs: ${logs.reason}`] : [])
    ];
    const result = {
        step: 'status-check',
        healthy: reasons.length === 0,
        dryRun: false,
        environment,
        startedAt,
        durationMs: now() - started,
        plannedDurationMs: settings.durationMs,
        intervalMs: settings.intervalMs,
        rounds,
        plannedRounds,
        endedEarly,
        reasons,
        probes,
        overall: overallOf(probes),
        metrics: metricReports
    };
    if (live)
        result.live = live;
    if (logs)
        result.logs = logs;
    // A failure is named here and explained once, by the step's failure line.
    for (const p of probes) {
        if (p.passed)
            ctx.logger.info(`✅ probe ${p.name}: ${p.reason}`);
        else
            ctx.logger.info(`❌ probe ${p.name}: missed its threshold`);
    }
    for (const m of metricReports) {
        if (m.passed)
            ctx.logger.info(redact(`✅ metric ${m.name}: ${m.reason}`));
        else
            ctx.logger.info(redact(`❌ metric ${m.name}: missed its threshold`));
    }
    try {
        const written = await (0,verdict/* recordVerdict */.p0)(ctx, environment, 'status-check', result.healthy, redact(verdictDetail(result)), settings.recordVerdict);
        if (written.notRecorded)
            result.verdictNotRecorded = written.notRecorded;
        const recorded = written.deployment;
        if (recorded) {
            result.verdictDeploymentId = recorded.id;
            ctx.logger.info(`Recorded the verdict (${result.healthy ? 'healthy' : 'unhealthy'}) on deployment ${recorded.id} of ${environment}.`);
        }
    }
    catch (err) {
        // The window's verdict stands on its own; a ledger outage must not turn it around.
        ctx.logger.warning(redact(`Could not record the status-check verdict in the ledger: ${(0,errors/* errorMessage */.gJ)(err)}`));
    }
    return result;
}
/** "round 3/7 at 20 s: probes 2/2 ok (slowest 41 ms); error-rate 0.002" for the log. */
function roundLine(round, planned, atMs, settings, samples, metrics) {
    const parts = [];
    if (samples.length) {
        const latest = samples.map(s => s[s.length - 1]);
        const ok = latest.filter(s => s.ok).length;
        const slowest = Math.max(...latest.map(s => s.latencyMs ?? 0));
        const failed = latest
            .map((s, i) => (s.ok ? '' : `${settings.checks[i].name}: ${s.reason}`))
            .filter(Boolean);
        parts.push(`probes ${ok}/${latest.length} ok (slowest ${slowest} ms)${failed.length ? ` — ${failed.join('; ')}` : ''}`);
    }
    for (const m of metrics) {
        const v = m.values[m.values.length - 1];
        const shown = v.value !== null ? showNumber(v.value) : v.noData ? `${v.noData}` : `error: ${v.error}`;
        parts.push(`${m.spec.name} ${shown}`);
    }
    const what = parts.length ? parts.join('; ') : 'waiting for the end of the window';
    return `round ${round}/${planned} at ${(atMs / 1000).toFixed(1)} s: ${what}`;
}

;// CONCATENATED MODULE: ./build/ncc/report/status-check-report.js




/** Most points on the latency chart; longer windows are bucketed (each point the bucket's max). */
const CHART_POINTS = 60;
/** Outputs over this size lose their per-round arrays: GitHub caps one output at 1 MB. */
const MAX_OUTPUT_CHARS = 900_000;
/** Mantissas an axis may end on: close steps, so 220 ms ends the axis at 250, not 500. */
const AXIS_STEPS = [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10];
/** The smallest readable number (a step above × 10^n) at or above value. */
function niceCeiling(value) {
    if (value <= 0)
        return 1;
    const power = 10 ** Math.floor(Math.log10(value));
    const step = AXIS_STEPS.find(s => s * power >= value) ?? 10;
    return Math.round(step * power * 1000) / 1000;
}
/**
 * Line colours that read on GitHub's light (#ffffff) and dark (#0d1117) backgrounds: mermaid's
 * default palette starts with #ECECFF, nearly invisible on white. Latency blue, limit red.
 */
const CHART_PALETTE = ['#2f81f7', '#e5534b'];
/** Rounds bucketed to at most CHART_POINTS points; a bucket's value is its slowest reply. */
function bucketed(points) {
    const size = Math.ceil(points.length / CHART_POINTS);
    const buckets = [];
    for (let i = 0; i < points.length; i += size) {
        const bucket = points.slice(i, i + size);
        const values = bucket.flatMap(b => (b.value === null ? [] : [b.value]));
        buckets.push({ atMs: bucket[0].atMs, value: values.length ? Math.max(...values) : null });
    }
    return buckets;
}
/**
 * A mermaid xychart-beta of probe latency over the window: per round, the p95 of that round's
 * probes (the one latency for a single check); a flat line marks max-p95-latency-ms. Lines in
 * xychart-beta carry no legend, so the title says which is which. A line cannot have gaps, so a
 * round without a single reply is left off the chart (plotting it as 0 ms would read as the
 * service getting faster while it was down) and named below it. Under two plotted rounds there
 * is no line to draw, so no chart. https://mermaid.js.org/syntax/xyChart.html
 */
function latencyChart(result) {
    const byRound = new Map();
    for (const p of result.probes) {
        for (const s of p.samples) {
            const entry = byRound.get(s.round) ?? { atMs: s.atMs, latencies: [] };
            if (s.latencyMs !== null)
                entry.latencies.push(s.latencyMs);
            byRound.set(s.round, entry);
        }
    }
    const rounds = [...byRound.entries()].sort((a, b) => a[0] - b[0]).map(([, v]) => v);
    const buckets = bucketed(rounds.map(r => ({ atMs: r.atMs, value: summarizeLatency(r.latencies).p95 })));
    const plotted = buckets.filter((b) => b.value !== null);
    if (plotted.length < 2)
        return undefined;
    const silent = buckets.filter(b => b.value === null).map(b => seconds(b.atMs));
    const limit = result.probes[0]?.maxP95LatencyMs;
    const top = niceCeiling(Math.max(...plotted.map(b => b.value), limit ?? 0) * 1.1);
    const title = limit === undefined
        ? 'Probe latency per round, p95 (ms)'
        : `Probe latency per round, p95 (ms); red line = max ${limit} ms`;
    const config = {
        themeVariables: { xyChart: { plotColorPalette: CHART_PALETTE.join(', ') } }
    };
    const lines = [
        '```mermaid',
        '---',
        `config: ${JSON.stringify(config)}`,
        '---',
        'xychart-beta',
        `    title "${title}"`,
        `    x-axis "seconds since start" [${plotted.map(b => `"${seconds(b.atMs)}"`).join(', ')}]`,
        `    y-axis "latency (ms)" 0 --> ${top}`,
        `    line [${plotted.map(b => Math.round(b.value)).join(', ')}]`
    ];
    if (limit !== undefined)
        lines.push(`    line [${plotted.map(() => limit).join(', ')}]`);
    lines.push('```');
    if (silent.length) {
        lines.push('', `No reply at all in ${(0,wording/* plural */.LS)(silent.length, 'round')} (at ${silent.map(s => `${s} s`).join(', ')}): left off the chart, not drawn as 0 ms.`);
    }
    return lines.join('\n');
}
function seconds(ms) {
    return Math.round(ms / 1000);
}
function mark(passed, dryRun) {
    if (dryRun || passed === null)
        return '—';
    return passed ? '✅' : '❌';
}
/** Job summary: the verdict first, then every figure beside its threshold, then the chart. */
/** The figures that missed their thresholds, by name: "probe GET / success rate". */
function failedFigures(result) {
    return [
        ...result.probes.flatMap(p => [
            ...(p.successRatePassed ? [] : [`probe ${p.name} success rate`]),
            ...(p.p95Passed === false ? [`probe ${p.name} latency p95`] : [])
        ]),
        ...result.metrics.filter(m => !m.passed).map(m => `metric ${m.name}`),
        ...(result.logs && !result.logs.passed ? ['logs'] : [])
    ];
}
/** Why probes failed although the success rate held: the last failure, so a pass is explained. */
function toleratedFailures(p) {
    const failed = p.samples.filter(s => !s.ok);
    if (!failed.length)
        return '';
    const last = failed[failed.length - 1].reason;
    return `${failed.length} of ${p.total} failed, within the threshold${last ? `; last: ${last}` : ''}`;
}
/**
 * Job summary: a one-line verdict first (what failed, never why: the Detail column says that
 * once), then every figure beside its threshold, then the chart.
 */
function statusCheckSummary(result, runUrl) {
    const window = (0,wording/* spokenDuration */.Vz)(result.plannedDurationMs);
    let verdict;
    if (result.dryRun) {
        verdict = `📝 dry run: would watch ${result.environment} for ${window} (${result.plannedRounds} rounds); nothing sent`;
    }
    else if (result.healthy) {
        const tolerated = result.probes.reduce((n, p) => n + p.total - p.passes, 0);
        const note = tolerated
            ? `; ${(0,wording/* plural */.LS)(tolerated, 'probe')} failed, within the thresholds (see Detail)`
            : '';
        verdict = `✅ **healthy**: ${result.environment} held every threshold for ${(0,wording/* spokenDuration */.Vz)(result.durationMs)} (${(0,wording/* plural */.LS)(result.rounds, 'round')})${note}`;
    }
    else {
        const failed = failedFigures(result);
        const what = failed.length ? failed.join(', ') : 'a threshold';
        verdict = `❌ **unhealthy**: ${what} missed ${failed.length > 1 ? 'their thresholds' : 'its threshold'} (see Detail)`;
    }
    const facts = [['Environment', result.environment]];
    if (result.live)
        facts.push(['Live', describeLive(result.live)]);
    facts.push([
        'Window',
        `${result.rounds} of ${result.plannedRounds} rounds, every ${(0,wording/* spokenDuration */.Vz)(result.intervalMs)}` +
            (result.endedEarly ? ' (ended early)' : '')
    ]);
    facts.push(['Duration', (0,wording/* spokenDuration */.Vz)(result.durationMs)]);
    if (result.verdictDeploymentId)
        facts.push(['Verdict recorded on', `deployment ${result.verdictDeploymentId}`]);
    if (result.verdictNotRecorded)
        facts.push(['Verdict not recorded', result.verdictNotRecorded]);
    const rows = [];
    const detail = (passed, reason) => (passed ? '' : reason);
    for (const p of result.probes) {
        rows.push([
            `probe ${p.name}`,
            'success rate',
            p.total ? `${(0,wording/* percent */.KN)(p.successRate)} (${p.passes}/${p.total})` : '—',
            `≥ ${(0,wording/* percent */.KN)(p.minSuccessRate)}, ≤ ${p.maxConsecutiveFailures} failed in a row`,
            mark(p.total ? p.successRatePassed : null, result.dryRun),
            p.successRatePassed ? toleratedFailures(p) : p.reason
        ]);
        rows.push([
            `probe ${p.name}`,
            'latency p95',
            p.p95 === null
                ? '—'
                : `${(0,wording/* roundedMs */.Wr)(p.p95)} (p50 ${(0,wording/* roundedMs */.Wr)(p.p50)}, max ${(0,wording/* roundedMs */.Wr)(p.max)})`,
            p.maxP95LatencyMs === undefined ? '—' : `≤ ${p.maxP95LatencyMs} ms`,
            mark(p.total ? p.p95Passed : null, result.dryRun),
            // The reason names both figures; show it once.
            p.p95Passed === false && p.successRatePassed ? p.reason : ''
        ]);
    }
    if (result.probes.length > 1) {
        const o = result.overall;
        rows.push([
            'all probes',
            'success rate',
            o.probes ? `${(0,wording/* percent */.KN)(o.successRate)} (${o.probes - o.failed}/${o.probes})` : '—',
            '— (judged per probe)',
            '—',
            ''
        ]);
        rows.push([
            'all probes',
            'latency p95',
            o.p95Ms === null
                ? '—'
                : `${(0,wording/* roundedMs */.Wr)(o.p95Ms)} (p50 ${(0,wording/* roundedMs */.Wr)(o.p50Ms)}, max ${(0,wording/* roundedMs */.Wr)(o.maxMs)})`,
            '— (judged per probe)',
            '—',
            ''
        ]);
    }
    for (const m of result.metrics) {
        let value;
        if (m.last !== null) {
            const range = m.lowest !== m.highest
                ? ` (${showNumber(m.lowest)} to ${showNumber(m.highest)})`
                : '';
            value = `${showNumber(m.last)}${range}`;
            if (m.noData)
                value += `; ${m.noData} in ${m.noDataRounds} round(s)`;
        }
        else if (m.noData) {
            value = m.noData;
        }
        else {
            value = '—';
        }
        rows.push([
            `metric ${m.name}`,
            `\`${m.query}\``,
            value,
            describeBounds(m),
            mark(m.values.length ? m.passed : null, result.dryRun),
            detail(m.passed, m.reason)
        ]);
    }
    if (result.logs) {
        const l = result.logs;
        rows.push([
            'logs',
            'error lines',
            l.exitCode === 0
                ? `${l.errorCount} in ${l.linesScanned} lines`
                : `${l.errorCount} (command failed)`,
            `≤ ${l.maxErrors}`,
            mark(l.passed, result.dryRun),
            detail(l.passed, l.reason)
        ]);
    }
    const tables = [
        { header: ['Watched', 'Figure', 'Value', 'Threshold', 'Result', 'Detail'], rows }
    ];
    if (result.logs?.firstMatches.length) {
        tables.push({
            caption: `First error lines in the logs (${result.logs.firstMatches.length} of ${result.logs.errorCount})`,
            header: ['#', 'Line'],
            rows: result.logs.firstMatches.map((line, i) => [String(i + 1), line])
        });
    }
    const chart = latencyChart(result);
    const links = [];
    if (result.live?.environmentUrl)
        links.push(['Open environment', result.live.environmentUrl]);
    if (runUrl)
        links.push(['Run log', runUrl]);
    return {
        title: 'Shiprail status check',
        verdict,
        facts,
        tables,
        ...(chart ? { markdownBlocks: [chart] } : {}),
        links
    };
}
/** One line saying why the step failed, or undefined when healthy. */
function statusCheckFailure(result) {
    if (result.healthy)
        return undefined;
    const early = result.endedEarly
        ? ` after ${(0,wording/* spokenDuration */.Vz)(result.durationMs)} of ${(0,wording/* spokenDuration */.Vz)(result.plannedDurationMs)} (ended early)`
        : '';
    return `Status check of ${result.environment} unhealthy${early}: ${result.reasons.join('; ')}`;
}
/** The result without its per-round arrays: what `report` carries. */
function compact(result) {
    return {
        healthy: result.healthy,
        environment: result.environment,
        live: result.live,
        endedEarly: result.endedEarly,
        durationMs: result.durationMs,
        rounds: result.rounds,
        plannedRounds: result.plannedRounds,
        reasons: result.reasons,
        overall: result.overall,
        probes: result.probes.map(({ samples: _samples, ...p }) => p),
        metrics: result.metrics.map(({ values: _values, ...m }) => m),
        logs: result.logs
    };
}
/** The step's outputs: `healthy`, `report` (JSON), `success-rate`, `p95-ms`, `result`. */
function statusCheckOutputs(result) {
    let whole = JSON.stringify(result);
    if (whole.length > MAX_OUTPUT_CHARS) {
        whole = JSON.stringify({
            ...compact(result),
            step: result.step,
            truncated: 'per-round samples and values left out: over the 1 MB limit of one output'
        });
    }
    const rate = result.overall.successRate;
    return {
        healthy: String(result.healthy),
        report: JSON.stringify(compact(result)),
        'success-rate': rate === null ? '' : String(Number(rate.toFixed(4))),
        'p95-ms': result.overall.p95Ms === null ? '' : String(Math.round(result.overall.p95Ms)),
        result: whole
    };
}

// EXTERNAL MODULE: ./build/ncc/runtime/steps.js
var steps = __webpack_require__(2031);
;// CONCATENATED MODULE: ./build/ncc/runtime/handlers/status-check.js




/** The status-check step, loaded only when it runs (see loadStepHandler). */
const STATUS_CHECK = (0,steps/* defineStep */.o)({
    parse: (raw, defaults, workspace) => parseStatusCheckSettings(raw, defaults, workspace),
    async run(settings, ctx) {
        const result = await statusCheck(settings, ctx);
        return {
            data: result,
            outputs: statusCheckOutputs(result),
            summary: runUrl => statusCheckSummary(result, runUrl),
            failure: statusCheckFailure(result)
        };
    }
});


/***/ })

};
