export const id = 612;
export const ids = [612];
export const modules = {

/***/ 1422:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  B: () => (/* binding */ parseChecks)
});

// UNUSED EXPORTS: checkFromUrl

// EXTERNAL MODULE: ./build/ncc/core/errors.js
var errors = __webpack_require__(5052);
// EXTERNAL MODULE: ./build/ncc/core/checks/status-range.js
var status_range = __webpack_require__(351);
;// CONCATENATED MODULE: ./build/ncc/core/checks/check-fields.js

const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
const URL_FORM = 'an absolute http:// or https:// URL';
const REGEX_FORM = 'a JavaScript regular expression, optionally written `/pattern/flags` (flags i, m, s, u)';
const CHECK_FIELD_LIST = [
    {
        name: 'name',
        type: 'a one-line name of at most 100 characters',
        default: 'the request, e.g. `GET /health`',
        description: 'Shown in logs, the report and the summary; unique among the checks.',
        example: 'name: health'
    },
    {
        name: 'url',
        type: URL_FORM,
        description: 'The URL requested. Give either `url` or `path`.',
        example: 'url: https://api.example.com/health'
    },
    {
        name: 'path',
        type: 'a path such as `/health`, without spaces',
        description: 'Joined to the `url` input (the base URL). Give either `url` or `path`.',
        example: 'path: /health?full=1'
    },
    {
        name: 'method',
        type: `one of ${HTTP_METHODS.join(', ')}`,
        default: 'GET',
        description: 'HTTP method, in any case.',
        example: 'method: POST'
    },
    {
        name: 'headers',
        type: 'a map of header name to a text value',
        description: 'Request headers. Values of credential headers (`Authorization`, `*token*`, `*key*`, …) are masked everywhere and dropped on a redirect to another origin.',
        example: 'headers: { Accept: application/json }'
    },
    {
        name: 'body',
        type: 'a text, or a map or list (sent as JSON)',
        description: 'Request body. A map or list is sent as JSON with `Content-Type: application/json` unless `headers` sets one. Not with `method: HEAD`.',
        example: 'body: { ping: true }'
    },
    {
        name: 'expect-status',
        type: status_range/* STATUS_FORM */.ef,
        default: status_range/* DEFAULT_STATUS */.BE,
        description: 'Status codes that pass. A YAML list of codes and ranges works too.',
        example: 'expect-status: [200, 301-302]'
    },
    {
        name: 'expect-body-contains',
        type: 'a string or a list of strings',
        description: 'Text the body must contain; with a list, each one.',
        example: 'expect-body-contains: ok'
    },
    {
        name: 'expect-body-regex',
        type: `${REGEX_FORM}, or a list of them`,
        description: 'Regular expressions the body must match; with a list, each one.',
        example: 'expect-body-regex: \'/"status":\\s*"up"/i\''
    },
    {
        name: 'expect-json',
        type: 'a map of dotted path to value, e.g. `status: ok` or `items.0.id: 7`',
        description: 'Values the JSON body must hold. Paths are `a.b`, `items.0.id`, `items[0].id` or `$.items[0].id`. A scalar also matches by its text as written (`version: 1.10` matches `"1.10"`, `count: "3"` matches `3`); a map matches when it has the keys given, a list item by item.',
        example: 'expect-json: { status: ok, items.0.id: 7 }'
    },
    {
        name: 'expect-header',
        type: 'a map of header name to a substring or `/regex/`',
        description: 'Response headers and what each must contain (or match, when written `/regex/flags`); an empty value means the header must be present.',
        example: "expect-header: { content-type: json, x-served-by: '/^web-\\d+$/' }"
    },
    {
        name: 'max-latency-ms',
        type: 'milliseconds from 1 to 600000, e.g. `500`',
        description: 'Highest latency (time to the full body) that passes.',
        example: 'max-latency-ms: 500'
    },
    {
        name: 'expect-version',
        type: 'a version string without spaces, e.g. `1.4.2` or a commit SHA',
        description: 'Version that must appear as a whole token in the body or a header (a leading `v` is allowed; a short SHA matches a longer one): catches the old release still answering.',
        example: 'expect-version: 1.4.2'
    },
    {
        name: 'follow-redirects',
        type: '`true` or `false`',
        default: 'true',
        description: 'Follow 3xx redirects (up to 10); `false` lets the check assert the redirect itself.',
        example: 'follow-redirects: false'
    }
];
const CHECK_FIELD_TABLE = CHECK_FIELD_LIST;
const CHECK_FIELDS = CHECK_FIELD_LIST.map(f => f.name);
const BY_NAME = new Map(CHECK_FIELD_TABLE.map(f => [f.name, f]));
function checkField(name) {
    return BY_NAME.get(name);
}

// EXTERNAL MODULE: ./build/ncc/core/checks/check-spec.js
var check_spec = __webpack_require__(9753);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./build/ncc/core/checks/yaml-fields.js
var yaml_fields = __webpack_require__(8762);
;// CONCATENATED MODULE: ./build/ncc/core/checks/checks-document.js





/**
 * The `checks` input as a document: inline YAML, or a .yml/.yaml/.json file in the workspace,
 * read twice (typed, and with every scalar kept as written). check-parser.ts then reads the
 * checks out of it.
 */
const CHECKS_FORM = 'a YAML list of checks (e.g. `- path: /health`), or a path to a .yml, .yaml or .json file holding one';
function yamlProblem(err) {
    if (err instanceof dist/* YAMLParseError */.XT)
        return err.message.split('\n')[0].replace(/:$/, '');
    return err instanceof Error ? err.message : String(err);
}
/** `checks` holds a file path when it is one line ending in .yml/.yaml/.json; otherwise inline YAML. */
function isChecksFile(value) {
    return !/[\r\n]/.test(value.trim()) && /\.(ya?ml|json)$/i.test(value.trim());
}
/**
 * Why a .json checks file is not JSON, at a line and column: JSON is YAML, so YAML reads it, but
 * YAML's flow syntax also accepts what JSON does not (comments, bare words, trailing commas) and
 * words its errors for YAML. Node's "at position 41" is rewritten as a line and column.
 */
function jsonProblem(text) {
    try {
        JSON.parse(text);
        return undefined;
    }
    catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        const at = /at position (\d+)/.exec(message);
        if (!at)
            return message;
        const before = text.slice(0, Number(at[1]));
        const where = `line ${before.split('\n').length}, column ${before.length - before.lastIndexOf('\n')}`;
        return `${message.replace(/\s*in JSON at position \d+.*$/s, '')} at ${where}`;
    }
}
function readChecksText(value, workspace) {
    if (!isChecksFile(value))
        return { text: value, source: '' };
    const file = value.trim();
    const full = (0,external_node_path_.resolve)(workspace, file);
    try {
        return { text: (0,external_node_fs_.readFileSync)(full, 'utf8'), source: file };
    }
    catch (err) {
        const code = err.code;
        const problem = code === 'ENOENT'
            ? 'does not exist'
            : code === 'EISDIR'
                ? 'is a directory'
                : `cannot be read (${code ?? yamlProblem(err)})`;
        throw new errors/* InputError */.dz('checks', `names the file ${(0,yaml_fields/* show */.WU)(file)}, which ${problem} (looked at ${full})`, CHECKS_FORM);
    }
}
/**
 * Reads the `checks` input. `typed` is the document as YAML's core schema reads it; `texts` is
 * the same with every scalar as a string. Throws InputError naming the file and the line.
 */
function readChecksDocument(value, workspace) {
    const { text, source } = readChecksText(value, workspace);
    const format = /\.json$/i.test(source) ? 'JSON' : 'YAML';
    const notJson = format === 'JSON' ? jsonProblem(text) : undefined;
    if (notJson)
        throw new errors/* InputError */.dz('checks', `is not valid JSON in ${source} (${notJson})`, CHECKS_FORM);
    let typed;
    let texts;
    try {
        typed = (0,dist/* parse */.qg)(text);
        texts = (0,dist/* parse */.qg)(text, { schema: 'failsafe' });
    }
    catch (err) {
        throw new errors/* InputError */.dz('checks', `is not valid ${format}${source ? ` in ${source}` : ''} (${yamlProblem(err)})`, CHECKS_FORM);
    }
    return { typed, texts, source };
}

// EXTERNAL MODULE: ./build/ncc/core/checks/credential-masking.js
var credential_masking = __webpack_require__(5869);
;// CONCATENATED MODULE: ./build/ncc/core/checks/check-parser.js







/**
 * The checks smoke-test and status-check run: parsed and validated in full before
 * any request is sent, so a typo fails the step at once with one line naming the check and
 * the field instead of after a two-minute readiness wait.
 */
const MAX_CHECKS = 1000;
/** The accepted form of a field, as docs/checks.md states it. */
const check_parser_form = (field) => checkField(field).type;
/** A field's default from the table (only read for fields that have one). */
const fallback = (field) => checkField(field).default ?? '';
function parseUrl(label, field, text) {
    let parsed;
    try {
        parsed = new URL(text);
    }
    catch {
        parsed = undefined;
    }
    if (!parsed ||
        !['http:', 'https:'].includes(parsed.protocol) ||
        /\s/.test(text) ||
        !parsed.hostname) {
        throw label.error(field, `${(0,yaml_fields/* show */.WU)((0,credential_masking/* maskUrl */.yP)(text))}, not an http(s) URL`, URL_FORM);
    }
    return parsed.toString();
}
/**
 * Parses one check. `typed` is the item as YAML's core schema reads it (numbers, booleans);
 * `text` is the same item with every scalar kept as written, so `expect-version: 1.10` means
 * "1.10" and not the number 1.1.
 */
function parseCheck(typed, text, index, base, source) {
    if (typeof text === 'string') {
        // Shorthand: `- /health` or `- https://example.com/health`.
        const key = /^https?:\/\//i.test(text) ? 'url' : 'path';
        return parseCheck({ [key]: text }, { [key]: text }, index, base, source);
    }
    const unnamed = new yaml_fields/* CheckLabel */.vm(index, undefined, source);
    if (!(0,yaml_fields/* isMap */.jh)(text) || !(0,yaml_fields/* isMap */.jh)(typed)) {
        throw new errors/* InputError */.dz('checks', `has a ${(0,yaml_fields/* describeType */.MF)(text)} as ${unnamed}`, 'each check to be a map of fields, e.g. `- path: /health`');
    }
    const nameText = text.name === undefined ? undefined : (0,yaml_fields/* scalarText */.ws)(unnamed, 'name', text.name, check_parser_form('name'));
    if (nameText !== undefined &&
        (nameText.trim() === '' || /[\r\n]/.test(nameText) || nameText.length > 100)) {
        throw unnamed.error('name', (0,yaml_fields/* show */.WU)(nameText), check_parser_form('name'));
    }
    const label = new yaml_fields/* CheckLabel */.vm(index, nameText, source);
    for (const field of Object.keys(text)) {
        if (!CHECK_FIELDS.includes(field)) {
            const guess = (0,yaml_fields/* suggestField */.nm)(field, CHECK_FIELDS);
            throw new errors/* InputError */.dz('checks', `has an unknown field \`${field}\` in ${label}`, guess
                ? `\`${guess}\` (did you mean it?)`
                : `one of ${CHECK_FIELDS.map(f => `\`${f}\``).join(', ')}`);
        }
    }
    const methodText = text.method === undefined
        ? fallback('method')
        : (0,yaml_fields/* scalarText */.ws)(label, 'method', text.method, check_parser_form('method'));
    const method = methodText.toUpperCase();
    if (!HTTP_METHODS.includes(method))
        throw label.error('method', (0,yaml_fields/* show */.WU)(methodText), check_parser_form('method'));
    let url;
    let shownPath;
    if (text.url !== undefined && text.path !== undefined) {
        throw label.error('url', 'a value next to `path`', 'either `url` (absolute) or `path` (joined to the `url` input), not both');
    }
    else if (text.url !== undefined) {
        url = parseUrl(label, 'url', (0,yaml_fields/* scalarText */.ws)(label, 'url', text.url, check_parser_form('url')));
        const parsed = new URL((0,credential_masking/* maskUrl */.yP)(url));
        shownPath = `${parsed.pathname}${parsed.search}`;
    }
    else if (text.path !== undefined) {
        const path = (0,yaml_fields/* scalarText */.ws)(label, 'path', text.path, check_parser_form('path'));
        if (/^[a-z][a-z0-9+.-]*:/i.test(path)) {
            throw label.error('path', `${(0,yaml_fields/* show */.WU)((0,credential_masking/* maskUrl */.yP)(path))}, a full URL`, 'a path such as `/health`; put full URLs in `url`');
        }
        if (path.trim() === '' || /\s/.test(path))
            throw label.error('path', (0,yaml_fields/* show */.WU)(path), check_parser_form('path'));
        if (!base) {
            throw label.error('path', `${(0,yaml_fields/* show */.WU)(path)} but no base URL`, 'the `url` input set to a base URL (e.g. `https://staging.example.com`), or a full `url` in the check');
        }
        url = (0,check_spec/* joinUrl */.we)(base, path);
        const parsed = new URL((0,credential_masking/* maskUrl */.yP)(url));
        shownPath = `${parsed.pathname}${parsed.search}`;
    }
    else {
        throw new errors/* InputError */.dz('checks', `has no \`url\` or \`path\` in ${label}`, '`path: /health` (joined to the `url` input) or `url: https://...`');
    }
    const headers = {};
    if (text.headers !== undefined) {
        if (!(0,yaml_fields/* isMap */.jh)(text.headers))
            throw label.error('headers', `a ${(0,yaml_fields/* describeType */.MF)(text.headers)}`, check_parser_form('headers'));
        const seen = new Set();
        for (const [name, value] of Object.entries(text.headers)) {
            if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) {
                throw label.error('headers', `the header name ${(0,yaml_fields/* show */.WU)(name)}`, 'header names made of letters, digits and `-`');
            }
            if (seen.has(name.toLowerCase()))
                throw label.error('headers', `${(0,yaml_fields/* show */.WU)(name)} twice`, 'each header once');
            seen.add(name.toLowerCase());
            // Values are never echoed: they may be credentials.
            if (!(0,yaml_fields/* isScalar */.jn)(value))
                throw label.error('headers', `a ${(0,yaml_fields/* describeType */.MF)(value)} for ${(0,yaml_fields/* show */.WU)(name)}`, 'a text value per header');
            if (/[\r\n\0]/.test(String(value)))
                throw label.error('headers', `a line break in the value of ${(0,yaml_fields/* show */.WU)(name)}`, 'a one-line value');
            headers[name] = String(value);
        }
    }
    let body;
    if (text.body !== undefined && text.body !== null) {
        if (method === 'HEAD')
            throw label.error('body', 'a body for a HEAD request', 'no `body` with `method: HEAD`');
        if ((0,yaml_fields/* isScalar */.jn)(text.body)) {
            body = String(text.body);
        }
        else {
            body = JSON.stringify(typed.body);
            if (!Object.keys(headers).some(h => h.toLowerCase() === 'content-type'))
                headers['Content-Type'] = 'application/json';
        }
    }
    let expectStatus;
    try {
        const status = text['expect-status'] ?? fallback('expect-status');
        if (!(0,yaml_fields/* isScalar */.jn)(status) && !(Array.isArray(status) && status.every(yaml_fields/* isScalar */.jn)))
            throw new status_range/* StatusRangeError */.kk(`a ${(0,yaml_fields/* describeType */.MF)(status)}`);
        expectStatus = (0,status_range/* parseStatusRange */.X0)(status);
    }
    catch (err) {
        if (!(err instanceof status_range/* StatusRangeError */.kk))
            throw err;
        throw label.error('expect-status', err.message, check_parser_form('expect-status'));
    }
    const expectBodyContains = text['expect-body-contains'] === undefined
        ? []
        : (0,yaml_fields/* stringList */.Yn)(label, 'expect-body-contains', text['expect-body-contains'], check_parser_form('expect-body-contains'));
    const expectBodyRegex = text['expect-body-regex'] === undefined
        ? []
        : (0,yaml_fields/* stringList */.Yn)(label, 'expect-body-regex', text['expect-body-regex'], check_parser_form('expect-body-regex')).map(r => {
            try {
                return (0,yaml_fields/* parseRegex */.rG)(r);
            }
            catch (err) {
                throw label.error('expect-body-regex', `the bad regular expression ${(0,yaml_fields/* show */.WU)(r)} (${err.message})`, check_parser_form('expect-body-regex'));
            }
        });
    const expectJson = [];
    if (text['expect-json'] !== undefined) {
        const typedJson = typed['expect-json'];
        const map = text['expect-json'];
        if (!(0,yaml_fields/* isMap */.jh)(map) || !(0,yaml_fields/* isMap */.jh)(typedJson) || Object.keys(map).length === 0) {
            throw label.error('expect-json', `a ${(0,yaml_fields/* describeType */.MF)(map)}`, check_parser_form('expect-json'));
        }
        for (const path of Object.keys(map)) {
            let segments;
            try {
                segments = (0,yaml_fields/* parseJsonPath */.Hf)(path);
            }
            catch {
                throw label.error('expect-json', `the path ${(0,yaml_fields/* show */.WU)(path)}`, 'a dotted path such as `data.version` or `items.0.id`');
            }
            expectJson.push({ path, segments, expected: typedJson[path], expectedText: map[path] });
        }
    }
    const expectHeader = [];
    if (text['expect-header'] !== undefined) {
        const map = text['expect-header'];
        const accepted = check_parser_form('expect-header');
        if (!(0,yaml_fields/* isMap */.jh)(map) || Object.keys(map).length === 0)
            throw label.error('expect-header', `a ${(0,yaml_fields/* describeType */.MF)(map)}`, accepted);
        for (const [name, value] of Object.entries(map)) {
            if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name))
                throw label.error('expect-header', `the header name ${(0,yaml_fields/* show */.WU)(name)}`, accepted);
            const expected = value === null ? '' : (0,yaml_fields/* scalarText */.ws)(label, 'expect-header', value, accepted);
            let regex;
            if (/^\/.+\/[a-z]*$/s.test(expected)) {
                try {
                    regex = (0,yaml_fields/* parseRegex */.rG)(expected);
                }
                catch (err) {
                    throw label.error('expect-header', `the bad regular expression ${(0,yaml_fields/* show */.WU)(expected)} for ${name} (${err.message})`, REGEX_FORM);
                }
            }
            expectHeader.push({ name: name.toLowerCase(), contains: regex ? '' : expected, regex });
        }
    }
    let maxLatencyMs;
    if (text['max-latency-ms'] !== undefined) {
        const value = (0,yaml_fields/* scalarText */.ws)(label, 'max-latency-ms', text['max-latency-ms'], check_parser_form('max-latency-ms'));
        maxLatencyMs = Number(value);
        if (!/^\d+(\.\d+)?$/.test(value) || maxLatencyMs < 1 || maxLatencyMs > 600_000) {
            throw label.error('max-latency-ms', (0,yaml_fields/* show */.WU)(value), check_parser_form('max-latency-ms'));
        }
    }
    let expectVersion;
    if (text['expect-version'] !== undefined) {
        expectVersion = (0,yaml_fields/* scalarText */.ws)(label, 'expect-version', text['expect-version'], check_parser_form('expect-version'));
        if (expectVersion.trim() === '' || /\s/.test(expectVersion) || expectVersion.length > 128) {
            throw label.error('expect-version', (0,yaml_fields/* show */.WU)(expectVersion), check_parser_form('expect-version'));
        }
    }
    const redirects = text['follow-redirects'] === undefined
        ? fallback('follow-redirects')
        : (0,yaml_fields/* scalarText */.ws)(label, 'follow-redirects', text['follow-redirects'], check_parser_form('follow-redirects'));
    if (!Object.hasOwn(yaml_fields/* BOOL_WORDS */.l1, redirects))
        throw label.error('follow-redirects', (0,yaml_fields/* show */.WU)(redirects), check_parser_form('follow-redirects'));
    const followRedirects = yaml_fields/* BOOL_WORDS */.l1[redirects];
    return {
        name: nameText,
        defaultName: `${method} ${shownPath}`,
        url,
        shownUrl: (0,credential_masking/* maskUrl */.yP)(url),
        method,
        headers,
        body,
        expectStatus,
        expectBodyContains,
        expectBodyRegex,
        expectJson,
        expectHeader,
        maxLatencyMs,
        expectVersion,
        followRedirects
    };
}
/** The one check of a `url` given alone: GET it and expect 2xx. */
function checkFromUrl(url) {
    const check = parseCheck({ url }, { url }, 0, undefined, '');
    const { defaultName, ...rest } = check;
    return { ...rest, name: defaultName };
}
/**
 * Builds every check from the `url` and `checks` inputs. Throws InputError (input `checks` or
 * `url`) naming the check and field for anything that is not right, before any request.
 */
function parseChecks(options) {
    const base = options.url?.trim() || undefined;
    if (base)
        parseUrlInput(base);
    const raw = options.checks?.trim() ? options.checks : undefined;
    if (!raw) {
        if (!base)
            throw new errors/* InputError */.dz('url', 'is required when `checks` is empty', 'a base URL (e.g. `https://staging.example.com/health`) or a `checks` list');
        return [checkFromUrl(base)];
    }
    const { typed, texts, source } = readChecksDocument(raw, options.workspace);
    if (!Array.isArray(typed) || !Array.isArray(texts)) {
        throw new errors/* InputError */.dz('checks', `is a ${(0,yaml_fields/* describeType */.MF)(typed)}${source ? ` in ${source}` : ''}, not a list`, CHECKS_FORM);
    }
    if (typed.length === 0)
        throw new errors/* InputError */.dz('checks', `is an empty list${source ? ` in ${source}` : ''}`, CHECKS_FORM);
    if (typed.length > MAX_CHECKS)
        throw new errors/* InputError */.dz('checks', `has ${typed.length} checks`, `at most ${MAX_CHECKS} checks`);
    const parsed = typed.map((item, i) => parseCheck(item, texts[i], i, base, source));
    const names = new Map();
    for (const [i, c] of parsed.entries()) {
        if (c.name === undefined)
            continue;
        const other = names.get(c.name);
        if (other !== undefined) {
            throw new errors/* InputError */.dz('checks', `names ${(0,yaml_fields/* show */.WU)(c.name)} twice (checks ${other + 1} and ${i + 1})`, 'a unique `name` per check');
        }
        names.set(c.name, i);
    }
    // Unnamed checks are called after their request; two of the same get the full URL, then a number.
    const taken = new Set(names.keys());
    return parsed.map(({ defaultName, ...c }) => {
        let name = c.name ?? defaultName;
        if (c.name === undefined && taken.has(name))
            name = `${c.method} ${c.shownUrl}`;
        for (let n = 2; c.name === undefined && taken.has(name); n++)
            name = `${c.method} ${c.shownUrl} (${n})`;
        taken.add(name);
        return { ...c, name };
    });
}
function parseUrlInput(value) {
    let parsed;
    try {
        parsed = new URL(value);
    }
    catch {
        parsed = undefined;
    }
    if (!parsed ||
        !['http:', 'https:'].includes(parsed.protocol) ||
        /\s/.test(value) ||
        !parsed.hostname) {
        throw new errors/* InputError */.dz('url', `is ${(0,yaml_fields/* show */.WU)((0,credential_masking/* maskUrl */.yP)(value))}`, URL_FORM);
    }
}


/***/ }),

/***/ 1541:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Pk: () => (/* binding */ mapPool),
  mI: () => (/* binding */ probeOnce),
  JT: () => (/* binding */ runChecks)
});

// UNUSED EXPORTS: runCheck

// EXTERNAL MODULE: ./build/ncc/core/retry.js
var retry = __webpack_require__(7725);
// EXTERNAL MODULE: ./build/ncc/core/wording.js
var wording = __webpack_require__(2247);
// EXTERNAL MODULE: ./build/ncc/core/checks/check-spec.js
var check_spec = __webpack_require__(9753);
// EXTERNAL MODULE: ./build/ncc/core/checks/credential-masking.js
var credential_masking = __webpack_require__(5869);
// EXTERNAL MODULE: ./build/ncc/core/checks/http-probe.js
var http_probe = __webpack_require__(1634);
// EXTERNAL MODULE: ./build/ncc/core/checks/status-range.js
var status_range = __webpack_require__(351);
;// CONCATENATED MODULE: ./build/ncc/core/checks/assertions.js




function show(value, max = 60) {
    const text = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
    return text.length > max ? `${text.slice(0, max - 3)}...` : text;
}
function isMap(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function scalarText(value) {
    return ['string', 'number', 'boolean'].includes(typeof value) ? String(value) : undefined;
}
/** The value at a path of keys and indexes, or `missing`. */
function jsonAt(root, segments) {
    let current = root;
    for (const segment of segments) {
        if (Array.isArray(current) && /^\d+$/.test(segment) && Number(segment) < current.length) {
            current = current[Number(segment)];
        }
        else if (isMap(current) && Object.hasOwn(current, segment)) {
            current = current[segment];
        }
        else {
            return { found: false };
        }
    }
    return { found: true, value: current };
}
/**
 * Whether a JSON value matches what YAML said. Scalars also match by text, so `version: 1.10`
 * matches "1.10" and `count: "3"` matches 3; a map matches when it has the keys given (others
 * may exist); a list must match item by item.
 */
function jsonMatches(actual, expected, expectedText) {
    if (Array.isArray(expected)) {
        const texts = Array.isArray(expectedText) ? expectedText : [];
        return (Array.isArray(actual) &&
            actual.length === expected.length &&
            expected.every((e, i) => jsonMatches(actual[i], e, texts[i])));
    }
    if (isMap(expected)) {
        const texts = isMap(expectedText) ? expectedText : {};
        return (isMap(actual) &&
            Object.entries(expected).every(([k, e]) => Object.hasOwn(actual, k) && jsonMatches(actual[k], e, texts[k])));
    }
    if (expected === null || expected === undefined)
        return actual === null;
    if (actual === expected)
        return true;
    const text = scalarText(actual);
    // What the user wrote decides: `version: 1.10` must not pass for "1.1".
    return (text !== undefined &&
        text === (typeof expectedText === 'string' ? expectedText : scalarText(expected)));
}
const REGEX_SPECIAL = /[.*+?^${}()|[\]\\]/g;
/**
 * Whether text carries a version as a whole token: expecting `1.2` does not match `1.2.3` or
 * `11.2`, so the old revision cannot pass for the new one. A leading `v` is allowed. A hex
 * version (a short commit SHA) also matches the start of a longer SHA, case-insensitively.
 */
function containsVersion(text, version) {
    const escaped = version.replace(REGEX_SPECIAL, '\\$&');
    const sha = /^[0-9a-f]{7,40}$/i.test(version);
    const after = sha ? '(?![g-zG-Z_+-]|\\.[0-9A-Za-z])' : '(?![0-9A-Za-z_+-]|\\.[0-9A-Za-z])';
    const pattern = new RegExp(`(?<![0-9A-Za-z_.+-])(?:[vV](?=[0-9]))?${escaped}${after}`, sha ? 'i' : '');
    return pattern.test(text);
}
/** What the reply says its version is, for a failed expect-version: "x-version: 1.1". */
function versionHint(headers, json) {
    for (const [name, value] of Object.entries(headers)) {
        if (/version|revision|commit|build|sha/i.test(name) && !(0,credential_masking/* isCredentialHeader */.b5)(name)) {
            return `${name}: ${value.slice(0, 60)}`;
        }
    }
    if (isMap(json)) {
        for (const key of ['version', 'revision', 'commit', 'sha', 'build']) {
            const text = scalarText(json[key]);
            if (text !== undefined)
                return `${key}: ${text.slice(0, 60)}`;
        }
    }
    return undefined;
}
function parseJson(body) {
    try {
        return { ok: true, value: JSON.parse(body) };
    }
    catch {
        return { ok: false };
    }
}
/** Judges a probe result against a check: status, body, JSON, headers, latency and version. */
function evaluate(check, result) {
    if (result.type === 'error')
        return { ok: false, reasons: [result.message] };
    const reasons = [];
    const { status, headers, body, truncated } = result;
    const cut = truncated ? ` (only the first ${http_probe/* MAX_BODY_BYTES */.YK / 1024 / 1024} MiB was read)` : '';
    if (!(0,status_range/* statusMatches */.W_)(check.expectStatus, status)) {
        const location = status >= 300 && status < 400 && headers.location
            ? ` (redirect to ${(0,credential_masking/* maskUrl */.yP)(headers.location)})`
            : '';
        reasons.push(`expected status ${check.expectStatus.text}, got ${status}${location}`);
    }
    for (const text of check.expectBodyContains) {
        if (!body.includes(text))
            reasons.push(`body does not contain ${show(text)}${cut}`);
    }
    for (const regex of check.expectBodyRegex) {
        if (!regex.test(body))
            reasons.push(`body does not match ${String(regex)}${cut}`);
    }
    let json;
    const needJson = check.expectJson.length > 0 || check.expectVersion !== undefined;
    const parsed = needJson && !truncated ? parseJson(body) : { ok: false };
    if (parsed.ok)
        json = parsed.value;
    if (check.expectJson.length > 0) {
        if (truncated) {
            reasons.push('body is over 1 MiB, so it was not read as JSON');
        }
        else if (!parsed.ok) {
            reasons.push(`body is not JSON (starts with ${show(body.slice(0, 40), 50)}), so expect-json cannot hold`);
        }
        else {
            for (const e of check.expectJson) {
                const at = jsonAt(json, e.segments);
                if (!at.found)
                    reasons.push(`json ${e.path}: missing`);
                else if (!jsonMatches(at.value, e.expected, e.expectedText)) {
                    reasons.push(`json ${e.path}: expected ${(0,check_spec/* showExpected */.wH)(e)}, got ${show(at.value)}`);
                }
            }
        }
    }
    for (const e of check.expectHeader) {
        const value = headers[e.name];
        const shown = (0,credential_masking/* isCredentialHeader */.b5)(e.name) ? '"***"' : show(value ?? '');
        if (value === undefined)
            reasons.push(`header ${e.name} missing`);
        else if (e.regex && !e.regex.test(value))
            reasons.push(`header ${e.name}: ${shown} does not match ${String(e.regex)}`);
        else if (!e.regex && !value.includes(e.contains)) {
            const wanted = (0,credential_masking/* isCredentialHeader */.b5)(e.name) ? '"***"' : show(e.contains);
            reasons.push(`header ${e.name}: expected to contain ${wanted}, got ${shown}`);
        }
    }
    if (check.maxLatencyMs !== undefined && result.latencyMs > check.maxLatencyMs) {
        reasons.push(`latency ${Math.round(result.latencyMs)} ms over max ${check.maxLatencyMs} ms`);
    }
    if (check.expectVersion !== undefined) {
        const inHeaders = Object.values(headers).some(v => containsVersion(v, check.expectVersion));
        if (!inHeaders && !containsVersion(body, check.expectVersion)) {
            const hint = versionHint(headers, json);
            reasons.push(`version ${check.expectVersion} not found in body or headers${hint ? ` (${hint})` : ''}${cut}`);
        }
    }
    return { ok: reasons.length === 0, reasons };
}

;// CONCATENATED MODULE: ./build/ncc/core/checks/check-runner.js




/**
 * Sends one request for a check and judges the reply: the piece smoke-test retries until
 * ready and status-check repeats over its window, so both judge a response the same way.
 */
async function probeOnce(check, options) {
    const result = await (0,http_probe/* httpProbe */.HB)({
        url: check.url,
        method: check.method,
        headers: check.headers,
        body: check.body,
        timeoutMs: options.requestTimeoutMs,
        signal: options.signal,
        followRedirects: check.followRedirects
    });
    return { result, evaluation: evaluate(check, result) };
}
/** The shortest time a last attempt near the deadline still gets. */
const MIN_ATTEMPT_MS = 1000;
const DEFAULT_MAX_WAIT_MS = 10_000;
/**
 * Retries one check until it passes `consecutiveSuccesses` times in a row or the deadline
 * passes. Every failure is retried, whatever its kind: during a rollout a refused connection,
 * a 502 from the load balancer, a 404 from the old revision or its old version string are all
 * states that end on their own. Waits grow exponentially with jitter from retry-interval, are
 * capped, and never run past the deadline; a success in a streak waits retry-interval.
 */
async function runCheck(check, deadline, options) {
    const { clock, signal } = options;
    const probe = options.probe ?? probeOnce;
    const required = options.consecutiveSuccesses;
    const maxWait = options.maxWaitMs ?? DEFAULT_MAX_WAIT_MS;
    const now = () => clock.now().getTime();
    const started = now();
    let attempts = 0;
    let streak = 0;
    let bestStreak = 0;
    let failures = 0;
    let last;
    let lastFailure;
    const outcome = (passed, reason, cancelled = false) => ({
        check,
        passed,
        attempts,
        status: last?.result.type === 'response' ? last.result.status : undefined,
        latencyMs: last?.result.latencyMs,
        durationMs: now() - started,
        reason,
        cancelled,
        last
    });
    const over = () => `after ${(0,wording/* plural */.LS)(attempts, 'attempt')} over ${(0,wording/* spokenDuration */.Vz)(now() - started)}`;
    for (;;) {
        if (signal?.aborted)
            return outcome(false, `cancelled ${over()}`, true);
        const remaining = deadline - now();
        const requestTimeoutMs = Math.max(Math.min(options.requestTimeoutMs, remaining), Math.min(options.requestTimeoutMs, MIN_ATTEMPT_MS));
        last = await probe(check, { requestTimeoutMs, signal });
        attempts++;
        if (last.result.type === 'error' && last.result.kind === 'cancelled') {
            return outcome(false, `cancelled ${over()}`, true);
        }
        if (last.evaluation.ok) {
            streak++;
            failures = 0;
            bestStreak = Math.max(bestStreak, streak);
            if (streak >= required) {
                const reason = required > 1
                    ? `passed ${required} times in a row (${(0,wording/* plural */.LS)(attempts, 'attempt')} over ${(0,wording/* spokenDuration */.Vz)(now() - started)})`
                    : attempts === 1
                        ? 'passed on the first attempt'
                        : `passed on attempt ${attempts} after ${(0,wording/* spokenDuration */.Vz)(now() - started)}`;
                options.onAttempt?.({ check, attempt: attempts, ...last, streak });
                return outcome(true, reason);
            }
        }
        else {
            streak = 0;
            failures++;
            lastFailure = last.evaluation.reasons;
        }
        const left = deadline - now();
        if (left <= 0) {
            options.onAttempt?.({ check, attempt: attempts, ...last, streak });
            break;
        }
        const delay = (0,retry/* backoffDelay */.E)(last.evaluation.ok ? 0 : failures - 1, options.retryIntervalMs, maxWait, options.random);
        const wait = Math.min(delay, left);
        options.onAttempt?.({ check, attempt: attempts, ...last, streak, nextWaitMs: wait });
        try {
            await clock.sleep(wait, signal);
        }
        catch {
            return outcome(false, `cancelled ${over()}`, true);
        }
    }
    if (!last)
        return outcome(false, 'no attempt was made');
    if (last.evaluation.ok) {
        const before = lastFailure ? `; before that: ${lastFailure.join('; ')}` : '';
        return outcome(false, `passed only ${streak} of ${required} times in a row before the deadline, ${over()}${before}`);
    }
    const flapped = required > 1 && bestStreak > 0 ? ` (at most ${bestStreak} of ${required} passes in a row)` : '';
    return outcome(false, `${last.evaluation.reasons.join('; ')} ${over()}${flapped}`);
}
/** Runs fn over items, at most `concurrency` at once, keeping the order of items. */
async function mapPool(items, concurrency, fn) {
    const results = new Array(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const i = next++;
            results[i] = await fn(items[i], i);
        }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
    return results;
}
/**
 * Runs every check to a verdict, `concurrency` at once, under one deadline: the total time is
 * about the slowest check, not the sum. Never throws for a failed check.
 */
async function runChecks(checks, options) {
    const deadline = options.clock.now().getTime() + options.timeoutMs;
    return mapPool(checks, options.concurrency, check => runCheck(check, deadline, options));
}


/***/ }),

/***/ 9753:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T2: () => (/* binding */ describeExpectations),
/* harmony export */   wH: () => (/* binding */ showExpected),
/* harmony export */   we: () => (/* binding */ joinUrl)
/* harmony export */ });
/* harmony import */ var _credential_masking_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5869);

/** Plain words for what a check expects, for the dry-run plan and the logs. */
function describeExpectations(check) {
    const out = [`status ${check.expectStatus.text}`];
    for (const s of check.expectBodyContains)
        out.push(`body contains ${JSON.stringify(s)}`);
    for (const r of check.expectBodyRegex)
        out.push(`body matches ${String(r)}`);
    for (const j of check.expectJson)
        out.push(`json ${j.path} = ${showExpected(j)}`);
    for (const h of check.expectHeader) {
        if (h.regex)
            out.push(`header ${h.name} matches ${String(h.regex)}`);
        else if (h.contains === '')
            out.push(`header ${h.name} present`);
        else
            out.push(`header ${h.name} contains ${JSON.stringify((0,_credential_masking_js__WEBPACK_IMPORTED_MODULE_0__/* .isCredentialHeader */ .b5)(h.name) ? '***' : h.contains)}`);
    }
    if (check.maxLatencyMs !== undefined)
        out.push(`latency at most ${check.maxLatencyMs} ms`);
    if (check.expectVersion)
        out.push(`version ${check.expectVersion} in body or headers`);
    return out;
}
/** An expected JSON value as the user wrote it. */
function showExpected(j) {
    if (typeof j.expected === 'number' &&
        typeof j.expectedText === 'string' &&
        String(j.expected) !== j.expectedText) {
        return j.expectedText;
    }
    return JSON.stringify(j.expected) ?? String(j.expected);
}
/** Joins a check's path onto the base URL: `https://x/app` + `/health` = `https://x/app/health`. */
function joinUrl(base, path) {
    const url = new URL(base);
    const cut = path.search(/[?#]/);
    const pathname = cut >= 0 ? path.slice(0, cut) : path;
    const rest = cut >= 0 ? path.slice(cut) : '';
    url.pathname = `${url.pathname.replace(/\/+$/, '')}/${pathname.replace(/^\/+/, '')}`;
    url.hash = '';
    if (rest.startsWith('?'))
        url.search = rest.replace(/#.*$/, '');
    return url.toString();
}


/***/ }),

/***/ 351:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BE: () => (/* binding */ DEFAULT_STATUS),
/* harmony export */   W_: () => (/* binding */ statusMatches),
/* harmony export */   X0: () => (/* binding */ parseStatusRange),
/* harmony export */   ef: () => (/* binding */ STATUS_FORM),
/* harmony export */   kk: () => (/* binding */ StatusRangeError)
/* harmony export */ });
const STATUS_FORM = 'a status code (`200`), a range (`200-299` or `2xx`) or a list (`200,204,301-302`)';
const DEFAULT_STATUS = '200-299';
/** Why a status text was refused; the caller names the check and field. */
class StatusRangeError extends Error {
    name = 'StatusRangeError';
}
function code(text, whole) {
    if (!/^\d{3}$/.test(text)) {
        throw new StatusRangeError(`${JSON.stringify(whole)} (${JSON.stringify(text)} is not a status code)`);
    }
    const n = Number(text);
    if (n < 100 || n > 599)
        throw new StatusRangeError(`${JSON.stringify(whole)} (${n} is outside 100-599)`);
    return n;
}
function parsePart(part, whole) {
    const xx = /^([1-5])xx$/i.exec(part);
    if (xx)
        return [Number(xx[1]) * 100, Number(xx[1]) * 100 + 99];
    const dash = part.split('-').map(s => s.trim());
    if (dash.length === 1) {
        const n = code(dash[0], whole);
        return [n, n];
    }
    if (dash.length !== 2) {
        throw new StatusRangeError(`${JSON.stringify(whole)} (${JSON.stringify(part)} is not a range)`);
    }
    const [low, high] = [code(dash[0], whole), code(dash[1], whole)];
    if (low > high)
        throw new StatusRangeError(`${JSON.stringify(whole)} (the range ${part} runs backwards)`);
    return [low, high];
}
function describe(ranges) {
    return ranges.map(([low, high]) => (low === high ? String(low) : `${low}-${high}`)).join(', ');
}
/** Parses a status expectation; throws StatusRangeError saying what is wrong. */
function parseStatusRange(value) {
    const items = Array.isArray(value) ? value : [value];
    const whole = items.map(String).join(',');
    const parts = items
        .flatMap(item => String(item).split(','))
        .map(s => s.trim())
        .filter(s => s !== '');
    if (parts.length === 0)
        throw new StatusRangeError('an empty value');
    const ranges = parts.map(p => parsePart(p, whole));
    return { ranges, text: describe(ranges) };
}
function statusMatches(range, status) {
    return range.ranges.some(([low, high]) => status >= low && status <= high);
}


/***/ }),

/***/ 8762:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hf: () => (/* binding */ parseJsonPath),
/* harmony export */   MF: () => (/* binding */ describeType),
/* harmony export */   WU: () => (/* binding */ show),
/* harmony export */   Yn: () => (/* binding */ stringList),
/* harmony export */   jh: () => (/* binding */ isMap),
/* harmony export */   jn: () => (/* binding */ isScalar),
/* harmony export */   l1: () => (/* binding */ BOOL_WORDS),
/* harmony export */   nm: () => (/* binding */ suggestField),
/* harmony export */   rG: () => (/* binding */ parseRegex),
/* harmony export */   vm: () => (/* binding */ CheckLabel),
/* harmony export */   ws: () => (/* binding */ scalarText)
/* harmony export */ });
/* unused harmony export editDistance */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5052);

/**
 * Reading hand-written YAML fields: type checks that name what was found instead, values shown
 * short in errors, regular expressions and JSON paths as users write them, and a label that
 * names one list item in every message.
 */
/** `/pattern/flags` or a bare pattern. Throws with the engine's own words for a bad one. */
function parseRegex(text) {
    const literal = /^\/(.+)\/([a-z]*)$/s.exec(text);
    const [source, flags] = literal ? [literal[1], literal[2]] : [text, ''];
    // g and y make test() stateful (lastIndex), which would make a check pass every other time.
    if (!/^[imsu]*$/.test(flags) || new Set(flags).size !== flags.length) {
        throw new SyntaxError(`flags "${flags}" are not allowed`);
    }
    try {
        return new RegExp(source, flags);
    }
    catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        throw new SyntaxError(message.replace(/^Invalid regular expression: /, ''), { cause: err });
    }
}
/** Splits `items.0.id`, `items[0].id` or `$.items[0].id` into keys and indexes. */
function parseJsonPath(path) {
    const normal = path
        .replace(/^\$\.?/, '')
        .replace(/\[(\d+)\]/g, '.$1')
        .replace(/^\./, '');
    const segments = normal.split('.');
    if (normal === '' || segments.some(s => s === ''))
        throw new SyntaxError('has an empty segment');
    return segments;
}
function show(value) {
    const text = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
    return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
/** A YAML mapping (not a list, not null). */
function isMap(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function isScalar(value) {
    return ['string', 'number', 'boolean'].includes(typeof value);
}
function editDistance(a, b) {
    const row = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
        let prev = row[0];
        row[0] = i;
        for (let j = 1; j <= b.length; j++) {
            const keep = row[j];
            row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
            prev = keep;
        }
    }
    return row[b.length];
}
/** The field of `fields` closest to a misspelt one (`expect_status`, `expct-status`). */
function suggestField(field, fields) {
    const normal = field.toLowerCase().replace(/[_ ]/g, '-');
    let best;
    for (const f of fields) {
        const d = normal === f ? 0 : editDistance(normal, f);
        if (d <= 3 && (!best || d < best[1]))
            best = [f, d];
    }
    return best?.[0];
}
/** Names one check in messages: `check 2 ("health")` or `check 2 of smoke.yml`. */
class CheckLabel {
    index;
    name;
    source;
    constructor(index, name, source) {
        this.index = index;
        this.name = name;
        this.source = source;
    }
    toString() {
        const name = this.name ? ` (${show(this.name)})` : '';
        return `check ${this.index + 1}${name}${this.source ? ` of ${this.source}` : ''}`;
    }
    error(field, problem, accepted) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('checks', `has ${problem} in \`${field}\` of ${this}`, accepted);
    }
}
function scalarText(label, field, value, accepted) {
    if (!isScalar(value))
        throw label.error(field, `a ${describeType(value)}`, accepted);
    return String(value);
}
/** How a YAML value that has the wrong type is named in an error. */
function describeType(value) {
    if (value === null || value === undefined)
        return 'missing value';
    if (Array.isArray(value))
        return 'list';
    if (typeof value === 'object')
        return 'map';
    return typeof value;
}
function stringList(label, field, value, accepted) {
    const items = Array.isArray(value) ? value : [value];
    if (items.length === 0)
        throw label.error(field, 'an empty list', accepted);
    return items.map(v => {
        const text = scalarText(label, field, v, accepted);
        if (text === '')
            throw label.error(field, 'an empty string', accepted);
        return text;
    });
}
const BOOL_WORDS = {
    true: true,
    True: true,
    TRUE: true,
    false: false,
    False: false,
    FALSE: false
};


/***/ })

};
