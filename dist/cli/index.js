#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 2613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 1421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 7540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 3193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 7349:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var resolveBlockMap = __nccwpck_require__(7103);
var resolveBlockSeq = __nccwpck_require__(334);
var resolveFlowCollection = __nccwpck_require__(3142);

function resolveCollection(CN, ctx, token, onError, tagName, tag) {
    const coll = token.type === 'block-map'
        ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag)
        : token.type === 'block-seq'
            ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag)
            : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
    const Coll = coll.constructor;
    // If we got a tagName matching the class, or the tag name is '!',
    // then use the tagName from the node class used to create it.
    if (tagName === '!' || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
    }
    if (tagName)
        coll.tag = tagName;
    return coll;
}
function composeCollection(CN, ctx, token, props, onError) {
    const tagToken = props.tag;
    const tagName = !tagToken
        ? null
        : ctx.directives.tagName(tagToken.source, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg));
    if (token.type === 'block-seq') {
        const { anchor, newlineAfterProp: nl } = props;
        const lastProp = anchor && tagToken
            ? anchor.offset > tagToken.offset
                ? anchor
                : tagToken
            : (anchor ?? tagToken);
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
            const message = 'Missing newline after block sequence props';
            onError(lastProp, 'MISSING_CHAR', message);
        }
    }
    const expType = token.type === 'block-map'
        ? 'map'
        : token.type === 'block-seq'
            ? 'seq'
            : token.start.source === '{'
                ? 'map'
                : 'seq';
    // shortcut: check if it's a generic YAMLMap or YAMLSeq
    // before jumping into the custom tag logic.
    if (!tagToken ||
        !tagName ||
        tagName === '!' ||
        (tagName === YAMLMap.YAMLMap.tagName && expType === 'map') ||
        (tagName === YAMLSeq.YAMLSeq.tagName && expType === 'seq')) {
        return resolveCollection(CN, ctx, token, onError, tagName);
    }
    let tag = ctx.schema.tags.find(t => t.tag === tagName && t.collection === expType);
    if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
            ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
            tag = kt;
        }
        else {
            if (kt) {
                onError(tagToken, 'BAD_COLLECTION_TYPE', `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? 'scalar'}`, true);
            }
            else {
                onError(tagToken, 'TAG_RESOLVE_FAILED', `Unresolved tag: ${tagName}`, true);
            }
            return resolveCollection(CN, ctx, token, onError, tagName);
        }
    }
    const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
    const res = tag.resolve?.(coll, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg), ctx.options) ?? coll;
    const node = identity.isNode(res)
        ? res
        : new Scalar.Scalar(res);
    node.range = coll.range;
    node.tag = tagName;
    if (tag?.format)
        node.format = tag.format;
    return node;
}

exports.composeCollection = composeCollection;


/***/ }),

/***/ 3683:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Document = __nccwpck_require__(3021);
var composeNode = __nccwpck_require__(5937);
var resolveEnd = __nccwpck_require__(7788);
var resolveProps = __nccwpck_require__(4631);

function composeDoc(options, directives, { offset, start, value, end }, onError) {
    const opts = Object.assign({ _directives: directives }, options);
    const doc = new Document.Document(undefined, opts);
    const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
    };
    const props = resolveProps.resolveProps(start, {
        indicator: 'doc-start',
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
    });
    if (props.found) {
        doc.directives.docStart = true;
        if (value &&
            (value.type === 'block-map' || value.type === 'block-seq') &&
            !props.hasNewline)
            onError(props.end, 'MISSING_CHAR', 'Block collection cannot start on same line with directives-end marker');
    }
    // @ts-expect-error If Contents is set, let's trust the user
    doc.contents = value
        ? composeNode.composeNode(ctx, value, props, onError)
        : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
    const contentEnd = doc.contents.range[2];
    const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
    if (re.comment)
        doc.comment = re.comment;
    doc.range = [offset, contentEnd, re.offset];
    return doc;
}

exports.composeDoc = composeDoc;


/***/ }),

/***/ 5937:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var composeCollection = __nccwpck_require__(7349);
var composeScalar = __nccwpck_require__(5413);
var resolveEnd = __nccwpck_require__(7788);
var utilEmptyScalarPosition = __nccwpck_require__(2599);

const CN = { composeNode, composeEmptyNode };
function composeNode(ctx, token, props, onError) {
    const atKey = ctx.atKey;
    const { spaceBefore, comment, anchor, tag } = props;
    let node;
    let isSrcToken = true;
    switch (token.type) {
        case 'alias':
            node = composeAlias(ctx, token, onError);
            if (anchor || tag)
                onError(token, 'ALIAS_PROPS', 'An alias node must not specify any properties');
            break;
        case 'scalar':
        case 'single-quoted-scalar':
        case 'double-quoted-scalar':
        case 'block-scalar':
            node = composeScalar.composeScalar(ctx, token, tag, onError);
            if (anchor)
                node.anchor = anchor.source.substring(1);
            break;
        case 'block-map':
        case 'block-seq':
        case 'flow-collection':
            try {
                node = composeCollection.composeCollection(CN, ctx, token, props, onError);
                if (anchor)
                    node.anchor = anchor.source.substring(1);
            }
            catch (error) {
                // Almost certainly here due to a stack overflow
                const message = error instanceof Error ? error.message : String(error);
                onError(token, 'RESOURCE_EXHAUSTION', message);
            }
            break;
        default: {
            const message = token.type === 'error'
                ? token.message
                : `Unsupported token (type: ${token.type})`;
            onError(token, 'UNEXPECTED_TOKEN', message);
            isSrcToken = false;
        }
    }
    node ?? (node = composeEmptyNode(ctx, token.offset, undefined, null, props, onError));
    if (anchor && node.anchor === '')
        onError(anchor, 'BAD_ALIAS', 'Anchor cannot be an empty string');
    if (atKey &&
        ctx.options.stringKeys &&
        (!identity.isScalar(node) ||
            typeof node.value !== 'string' ||
            (node.tag && node.tag !== 'tag:yaml.org,2002:str'))) {
        const msg = 'With stringKeys, all keys must be strings';
        onError(tag ?? token, 'NON_STRING_KEY', msg);
    }
    if (spaceBefore)
        node.spaceBefore = true;
    if (comment) {
        if (token.type === 'scalar' && token.source === '')
            node.comment = comment;
        else
            node.commentBefore = comment;
    }
    // @ts-expect-error Type checking misses meaning of isSrcToken
    if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token;
    return node;
}
function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
    const token = {
        type: 'scalar',
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ''
    };
    const node = composeScalar.composeScalar(ctx, token, tag, onError);
    if (anchor) {
        node.anchor = anchor.source.substring(1);
        if (node.anchor === '')
            onError(anchor, 'BAD_ALIAS', 'Anchor cannot be an empty string');
    }
    if (spaceBefore)
        node.spaceBefore = true;
    if (comment) {
        node.comment = comment;
        node.range[2] = end;
    }
    return node;
}
function composeAlias({ options }, { offset, source, end }, onError) {
    const alias = new Alias.Alias(source.substring(1));
    if (alias.source === '')
        onError(offset, 'BAD_ALIAS', 'Alias cannot be an empty string');
    if (alias.source.endsWith(':'))
        onError(offset + source.length - 1, 'BAD_ALIAS', 'Alias ending in : is ambiguous', true);
    const valueEnd = offset + source.length;
    const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
    alias.range = [offset, valueEnd, re.offset];
    if (re.comment)
        alias.comment = re.comment;
    return alias;
}

exports.composeEmptyNode = composeEmptyNode;
exports.composeNode = composeNode;


/***/ }),

/***/ 5413:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var resolveBlockScalar = __nccwpck_require__(8913);
var resolveFlowScalar = __nccwpck_require__(6842);

function composeScalar(ctx, token, tagToken, onError) {
    const { value, type, comment, range } = token.type === 'block-scalar'
        ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError)
        : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
    const tagName = tagToken
        ? ctx.directives.tagName(tagToken.source, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg))
        : null;
    let tag;
    if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity.SCALAR];
    }
    else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
    else if (token.type === 'scalar')
        tag = findScalarTagByTest(ctx, value, token, onError);
    else
        tag = ctx.schema[identity.SCALAR];
    let scalar;
    try {
        const res = tag.resolve(value, msg => onError(tagToken ?? token, 'TAG_RESOLVE_FAILED', msg), ctx.options);
        scalar = identity.isScalar(res) ? res : new Scalar.Scalar(res);
    }
    catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token, 'TAG_RESOLVE_FAILED', msg);
        scalar = new Scalar.Scalar(value);
    }
    scalar.range = range;
    scalar.source = value;
    if (type)
        scalar.type = type;
    if (tagName)
        scalar.tag = tagName;
    if (tag.format)
        scalar.format = tag.format;
    if (comment)
        scalar.comment = comment;
    return scalar;
}
function findScalarTagByName(schema, value, tagName, tagToken, onError) {
    if (tagName === '!')
        return schema[identity.SCALAR]; // non-specific tag
    const matchWithTest = [];
    for (const tag of schema.tags) {
        if (!tag.collection && tag.tag === tagName) {
            if (tag.default && tag.test)
                matchWithTest.push(tag);
            else
                return tag;
        }
    }
    for (const tag of matchWithTest)
        if (tag.test?.test(value))
            return tag;
    const kt = schema.knownTags[tagName];
    if (kt && !kt.collection) {
        // Ensure that the known tag is available for stringifying,
        // but does not get used by default.
        schema.tags.push(Object.assign({}, kt, { default: false, test: undefined }));
        return kt;
    }
    onError(tagToken, 'TAG_RESOLVE_FAILED', `Unresolved tag: ${tagName}`, tagName !== 'tag:yaml.org,2002:str');
    return schema[identity.SCALAR];
}
function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
    const tag = schema.tags.find(tag => (tag.default === true || (atKey && tag.default === 'key')) &&
        tag.test?.test(value)) || schema[identity.SCALAR];
    if (schema.compat) {
        const compat = schema.compat.find(tag => tag.default && tag.test?.test(value)) ??
            schema[identity.SCALAR];
        if (tag.tag !== compat.tag) {
            const ts = directives.tagString(tag.tag);
            const cs = directives.tagString(compat.tag);
            const msg = `Value may be parsed as either ${ts} or ${cs}`;
            onError(token, 'TAG_RESOLVE_FAILED', msg, true);
        }
    }
    return tag;
}

exports.composeScalar = composeScalar;


/***/ }),

/***/ 9984:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);
var directives = __nccwpck_require__(1342);
var Document = __nccwpck_require__(3021);
var errors = __nccwpck_require__(1464);
var identity = __nccwpck_require__(1127);
var composeDoc = __nccwpck_require__(3683);
var resolveEnd = __nccwpck_require__(7788);

function getErrorPos(src) {
    if (typeof src === 'number')
        return [src, src + 1];
    if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
    const { offset, source } = src;
    return [offset, offset + (typeof source === 'string' ? source.length : 1)];
}
function parsePrelude(prelude) {
    let comment = '';
    let atComment = false;
    let afterEmptyLine = false;
    for (let i = 0; i < prelude.length; ++i) {
        const source = prelude[i];
        switch (source[0]) {
            case '#':
                comment +=
                    (comment === '' ? '' : afterEmptyLine ? '\n\n' : '\n') +
                        (source.substring(1) || ' ');
                atComment = true;
                afterEmptyLine = false;
                break;
            case '%':
                if (prelude[i + 1]?.[0] !== '#')
                    i += 1;
                atComment = false;
                break;
            default:
                // This may be wrong after doc-end, but in that case it doesn't matter
                if (!atComment)
                    afterEmptyLine = true;
                atComment = false;
        }
    }
    return { comment, afterEmptyLine };
}
/**
 * Compose a stream of CST nodes into a stream of YAML Documents.
 *
 * ```ts
 * import { Composer, Parser } from 'yaml'
 *
 * const src: string = ...
 * const tokens = new Parser().parse(src)
 * const docs = new Composer().compose(tokens)
 * ```
 */
class Composer {
    constructor(options = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code, message, warning) => {
            const pos = getErrorPos(source);
            if (warning)
                this.warnings.push(new errors.YAMLWarning(pos, code, message));
            else
                this.errors.push(new errors.YAMLParseError(pos, code, message));
        };
        // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
        this.directives = new directives.Directives({ version: options.version || '1.2' });
        this.options = options;
    }
    decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        //console.log({ dc: doc.comment, prelude, comment })
        if (comment) {
            const dc = doc.contents;
            if (afterDoc) {
                doc.comment = doc.comment ? `${doc.comment}\n${comment}` : comment;
            }
            else if (afterEmptyLine || doc.directives.docStart || !dc) {
                doc.commentBefore = comment;
            }
            else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
                let it = dc.items[0];
                if (identity.isPair(it))
                    it = it.key;
                const cb = it.commentBefore;
                it.commentBefore = cb ? `${comment}\n${cb}` : comment;
            }
            else {
                const cb = dc.commentBefore;
                dc.commentBefore = cb ? `${comment}\n${cb}` : comment;
            }
        }
        if (afterDoc) {
            for (let i = 0; i < this.errors.length; ++i)
                doc.errors.push(this.errors[i]);
            for (let i = 0; i < this.warnings.length; ++i)
                doc.warnings.push(this.warnings[i]);
        }
        else {
            doc.errors = this.errors;
            doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
    }
    /**
     * Current stream status information.
     *
     * Mostly useful at the end of input for an empty stream.
     */
    streamInfo() {
        return {
            comment: parsePrelude(this.prelude).comment,
            directives: this.directives,
            errors: this.errors,
            warnings: this.warnings
        };
    }
    /**
     * Compose tokens into documents.
     *
     * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
     * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
     */
    *compose(tokens, forceDoc = false, endOffset = -1) {
        for (const token of tokens)
            yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
    }
    /** Advance the composer by one CST token. */
    *next(token) {
        if (node_process.env.LOG_STREAM)
            console.dir(token, { depth: null });
        switch (token.type) {
            case 'directive':
                this.directives.add(token.source, (offset, message, warning) => {
                    const pos = getErrorPos(token);
                    pos[0] += offset;
                    this.onError(pos, 'BAD_DIRECTIVE', message, warning);
                });
                this.prelude.push(token.source);
                this.atDirectives = true;
                break;
            case 'document': {
                const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
                if (this.atDirectives && !doc.directives.docStart)
                    this.onError(token, 'MISSING_CHAR', 'Missing directives-end/doc-start indicator line');
                this.decorate(doc, false);
                if (this.doc)
                    yield this.doc;
                this.doc = doc;
                this.atDirectives = false;
                break;
            }
            case 'byte-order-mark':
            case 'space':
                break;
            case 'comment':
            case 'newline':
                this.prelude.push(token.source);
                break;
            case 'error': {
                const msg = token.source
                    ? `${token.message}: ${JSON.stringify(token.source)}`
                    : token.message;
                const error = new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', msg);
                if (this.atDirectives || !this.doc)
                    this.errors.push(error);
                else
                    this.doc.errors.push(error);
                break;
            }
            case 'doc-end': {
                if (!this.doc) {
                    const msg = 'Unexpected doc-end without preceding document';
                    this.errors.push(new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', msg));
                    break;
                }
                this.doc.directives.docEnd = true;
                const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
                this.decorate(this.doc, true);
                if (end.comment) {
                    const dc = this.doc.comment;
                    this.doc.comment = dc ? `${dc}\n${end.comment}` : end.comment;
                }
                this.doc.range[2] = end.offset;
                break;
            }
            default:
                this.errors.push(new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', `Unsupported token ${token.type}`));
        }
    }
    /**
     * Call at end of input to yield any remaining document.
     *
     * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
     * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
     */
    *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
            this.decorate(this.doc, true);
            yield this.doc;
            this.doc = null;
        }
        else if (forceDoc) {
            const opts = Object.assign({ _directives: this.directives }, this.options);
            const doc = new Document.Document(undefined, opts);
            if (this.atDirectives)
                this.onError(endOffset, 'MISSING_CHAR', 'Missing directives-end indicator line');
            doc.range = [0, endOffset, endOffset];
            this.decorate(doc, false);
            yield doc;
        }
    }
}

exports.Composer = Composer;


/***/ }),

/***/ 7103:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);
var resolveProps = __nccwpck_require__(4631);
var utilContainsNewline = __nccwpck_require__(9499);
var utilFlowIndentCheck = __nccwpck_require__(4051);
var utilMapIncludes = __nccwpck_require__(1187);

const startColMsg = 'All mapping items must start at the same column';
function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
    const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
    const map = new NodeClass(ctx.schema);
    if (ctx.atRoot)
        ctx.atRoot = false;
    let offset = bm.offset;
    let commentEnd = null;
    for (const collItem of bm.items) {
        const { start, key, sep, value } = collItem;
        // key properties
        const keyProps = resolveProps.resolveProps(start, {
            indicator: 'explicit-key-ind',
            next: key ?? sep?.[0],
            offset,
            onError,
            parentIndent: bm.indent,
            startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
            if (key) {
                if (key.type === 'block-seq')
                    onError(offset, 'BLOCK_AS_IMPLICIT_KEY', 'A block sequence may not be used as an implicit map key');
                else if ('indent' in key && key.indent !== bm.indent)
                    onError(offset, 'BAD_INDENT', startColMsg);
            }
            if (!keyProps.anchor && !keyProps.tag && !sep) {
                commentEnd = keyProps.end;
                if (keyProps.comment) {
                    if (map.comment)
                        map.comment += '\n' + keyProps.comment;
                    else
                        map.comment = keyProps.comment;
                }
                continue;
            }
            if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
                onError(key ?? start[start.length - 1], 'MULTILINE_IMPLICIT_KEY', 'Implicit keys need to be on a single line');
            }
        }
        else if (keyProps.found?.indent !== bm.indent) {
            onError(offset, 'BAD_INDENT', startColMsg);
        }
        // key value
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key
            ? composeNode(ctx, key, keyProps, onError)
            : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
            onError(keyStart, 'DUPLICATE_KEY', 'Map keys must be unique');
        // value properties
        const valueProps = resolveProps.resolveProps(sep ?? [], {
            indicator: 'map-value-ind',
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: bm.indent,
            startOnNewline: !key || key.type === 'block-scalar'
        });
        offset = valueProps.end;
        if (valueProps.found) {
            if (implicitKey) {
                if (value?.type === 'block-map' && !valueProps.hasNewline)
                    onError(offset, 'BLOCK_AS_IMPLICIT_KEY', 'Nested mappings are not allowed in compact mappings');
                if (ctx.options.strict &&
                    keyProps.start < valueProps.found.offset - 1024)
                    onError(keyNode.range, 'KEY_OVER_1024_CHARS', 'The : indicator must be at most 1024 chars after the start of an implicit block mapping key');
            }
            // value value
            const valueNode = value
                ? composeNode(ctx, value, valueProps, onError)
                : composeEmptyNode(ctx, offset, sep, null, valueProps, onError);
            if (ctx.schema.compat)
                utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
            offset = valueNode.range[2];
            const pair = new Pair.Pair(keyNode, valueNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            map.items.push(pair);
        }
        else {
            // key with no value
            if (implicitKey)
                onError(keyNode.range, 'MISSING_CHAR', 'Implicit map keys need to be followed by map values');
            if (valueProps.comment) {
                if (keyNode.comment)
                    keyNode.comment += '\n' + valueProps.comment;
                else
                    keyNode.comment = valueProps.comment;
            }
            const pair = new Pair.Pair(keyNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            map.items.push(pair);
        }
    }
    if (commentEnd && commentEnd < offset)
        onError(commentEnd, 'IMPOSSIBLE', 'Map comment with trailing content');
    map.range = [bm.offset, offset, commentEnd ?? offset];
    return map;
}

exports.resolveBlockMap = resolveBlockMap;


/***/ }),

/***/ 8913:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

function resolveBlockScalar(ctx, scalar, onError) {
    const start = scalar.offset;
    const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
    if (!header)
        return { value: '', type: null, comment: '', range: [start, start, start] };
    const type = header.mode === '>' ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
    const lines = scalar.source ? splitLines(scalar.source) : [];
    // determine the end of content & start of chomping
    let chompStart = lines.length;
    for (let i = lines.length - 1; i >= 0; --i) {
        const content = lines[i][1];
        if (content === '' || content === '\r')
            chompStart = i;
        else
            break;
    }
    // shortcut for empty contents
    if (chompStart === 0) {
        const value = header.chomp === '+' && lines.length > 0
            ? '\n'.repeat(Math.max(1, lines.length - 1))
            : '';
        let end = start + header.length;
        if (scalar.source)
            end += scalar.source.length;
        return { value, type, comment: header.comment, range: [start, end, end] };
    }
    // find the indentation level to trim from start
    let trimIndent = scalar.indent + header.indent;
    let offset = scalar.offset + header.length;
    let contentStart = 0;
    for (let i = 0; i < chompStart; ++i) {
        const [indent, content] = lines[i];
        if (content === '' || content === '\r') {
            if (header.indent === 0 && indent.length > trimIndent)
                trimIndent = indent.length;
        }
        else {
            if (indent.length < trimIndent) {
                const message = 'Block scalars with more-indented leading empty lines must use an explicit indentation indicator';
                onError(offset + indent.length, 'MISSING_CHAR', message);
            }
            if (header.indent === 0)
                trimIndent = indent.length;
            contentStart = i;
            if (trimIndent === 0 && !ctx.atRoot) {
                const message = 'Block scalar values in collections must be indented';
                onError(offset, 'BAD_INDENT', message);
            }
            break;
        }
        offset += indent.length + content.length + 1;
    }
    // include trailing more-indented empty lines in content
    for (let i = lines.length - 1; i >= chompStart; --i) {
        if (lines[i][0].length > trimIndent)
            chompStart = i + 1;
    }
    let value = '';
    let sep = '';
    let prevMoreIndented = false;
    // leading whitespace is kept intact
    for (let i = 0; i < contentStart; ++i)
        value += lines[i][0].slice(trimIndent) + '\n';
    for (let i = contentStart; i < chompStart; ++i) {
        let [indent, content] = lines[i];
        offset += indent.length + content.length + 1;
        const crlf = content[content.length - 1] === '\r';
        if (crlf)
            content = content.slice(0, -1);
        /* istanbul ignore if already caught in lexer */
        if (content && indent.length < trimIndent) {
            const src = header.indent
                ? 'explicit indentation indicator'
                : 'first line';
            const message = `Block scalar lines must not be less indented than their ${src}`;
            onError(offset - content.length - (crlf ? 2 : 1), 'BAD_INDENT', message);
            indent = '';
        }
        if (type === Scalar.Scalar.BLOCK_LITERAL) {
            value += sep + indent.slice(trimIndent) + content;
            sep = '\n';
        }
        else if (indent.length > trimIndent || content[0] === '\t') {
            // more-indented content within a folded block
            if (sep === ' ')
                sep = '\n';
            else if (!prevMoreIndented && sep === '\n')
                sep = '\n\n';
            value += sep + indent.slice(trimIndent) + content;
            sep = '\n';
            prevMoreIndented = true;
        }
        else if (content === '') {
            // empty line
            if (sep === '\n')
                value += '\n';
            else
                sep = '\n';
        }
        else {
            value += sep + content;
            sep = ' ';
            prevMoreIndented = false;
        }
    }
    switch (header.chomp) {
        case '-':
            break;
        case '+':
            for (let i = chompStart; i < lines.length; ++i)
                value += '\n' + lines[i][0].slice(trimIndent);
            if (value[value.length - 1] !== '\n')
                value += '\n';
            break;
        default:
            value += '\n';
    }
    const end = start + header.length + scalar.source.length;
    return { value, type, comment: header.comment, range: [start, end, end] };
}
function parseBlockScalarHeader({ offset, props }, strict, onError) {
    /* istanbul ignore if should not happen */
    if (props[0].type !== 'block-scalar-header') {
        onError(props[0], 'IMPOSSIBLE', 'Block scalar header not found');
        return null;
    }
    const { source } = props[0];
    const mode = source[0];
    let indent = 0;
    let chomp = '';
    let error = -1;
    for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === '-' || ch === '+'))
            chomp = ch;
        else {
            const n = Number(ch);
            if (!indent && n)
                indent = n;
            else if (error === -1)
                error = offset + i;
        }
    }
    if (error !== -1)
        onError(error, 'UNEXPECTED_TOKEN', `Block scalar header includes extra characters: ${source}`);
    let hasSpace = false;
    let comment = '';
    let length = source.length;
    for (let i = 1; i < props.length; ++i) {
        const token = props[i];
        switch (token.type) {
            case 'space':
                hasSpace = true;
            // fallthrough
            case 'newline':
                length += token.source.length;
                break;
            case 'comment':
                if (strict && !hasSpace) {
                    const message = 'Comments must be separated from other tokens by white space characters';
                    onError(token, 'MISSING_CHAR', message);
                }
                length += token.source.length;
                comment = token.source.substring(1);
                break;
            case 'error':
                onError(token, 'UNEXPECTED_TOKEN', token.message);
                length += token.source.length;
                break;
            /* istanbul ignore next should not happen */
            default: {
                const message = `Unexpected token in block scalar header: ${token.type}`;
                onError(token, 'UNEXPECTED_TOKEN', message);
                const ts = token.source;
                if (ts && typeof ts === 'string')
                    length += ts.length;
            }
        }
    }
    return { mode, indent, chomp, comment, length };
}
/** @returns Array of lines split up as `[indent, content]` */
function splitLines(source) {
    const split = source.split(/\n( *)/);
    const first = split[0];
    const m = first.match(/^( *)/);
    const line0 = m?.[1]
        ? [m[1], first.slice(m[1].length)]
        : ['', first];
    const lines = [line0];
    for (let i = 1; i < split.length; i += 2)
        lines.push([split[i], split[i + 1]]);
    return lines;
}

exports.resolveBlockScalar = resolveBlockScalar;


/***/ }),

/***/ 334:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var YAMLSeq = __nccwpck_require__(2223);
var resolveProps = __nccwpck_require__(4631);
var utilFlowIndentCheck = __nccwpck_require__(4051);

function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
    const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
    const seq = new NodeClass(ctx.schema);
    if (ctx.atRoot)
        ctx.atRoot = false;
    if (ctx.atKey)
        ctx.atKey = false;
    let offset = bs.offset;
    let commentEnd = null;
    for (const { start, value } of bs.items) {
        const props = resolveProps.resolveProps(start, {
            indicator: 'seq-item-ind',
            next: value,
            offset,
            onError,
            parentIndent: bs.indent,
            startOnNewline: true
        });
        if (!props.found) {
            if (props.anchor || props.tag || value) {
                if (value?.type === 'block-seq')
                    onError(props.end, 'BAD_INDENT', 'All sequence items must start at the same column');
                else
                    onError(offset, 'MISSING_CHAR', 'Sequence item without - indicator');
            }
            else {
                commentEnd = props.end;
                if (props.comment)
                    seq.comment = props.comment;
                continue;
            }
        }
        const node = value
            ? composeNode(ctx, value, props, onError)
            : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
        offset = node.range[2];
        seq.items.push(node);
    }
    seq.range = [bs.offset, offset, commentEnd ?? offset];
    return seq;
}

exports.resolveBlockSeq = resolveBlockSeq;


/***/ }),

/***/ 7788:
/***/ ((__unused_webpack_module, exports) => {



function resolveEnd(end, offset, reqSpace, onError) {
    let comment = '';
    if (end) {
        let hasSpace = false;
        let sep = '';
        for (const token of end) {
            const { source, type } = token;
            switch (type) {
                case 'space':
                    hasSpace = true;
                    break;
                case 'comment': {
                    if (reqSpace && !hasSpace)
                        onError(token, 'MISSING_CHAR', 'Comments must be separated from other tokens by white space characters');
                    const cb = source.substring(1) || ' ';
                    if (!comment)
                        comment = cb;
                    else
                        comment += sep + cb;
                    sep = '';
                    break;
                }
                case 'newline':
                    if (comment)
                        sep += source;
                    hasSpace = true;
                    break;
                default:
                    onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${type} at node end`);
            }
            offset += source.length;
        }
    }
    return { comment, offset };
}

exports.resolveEnd = resolveEnd;


/***/ }),

/***/ 3142:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var resolveEnd = __nccwpck_require__(7788);
var resolveProps = __nccwpck_require__(4631);
var utilContainsNewline = __nccwpck_require__(9499);
var utilMapIncludes = __nccwpck_require__(1187);

const blockMsg = 'Block collections are not allowed within flow collections';
const isBlock = (token) => token && (token.type === 'block-map' || token.type === 'block-seq');
function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
    const isMap = fc.start.source === '{';
    const fcName = isMap ? 'flow map' : 'flow sequence';
    const NodeClass = (tag?.nodeClass ?? (isMap ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq));
    const coll = new NodeClass(ctx.schema);
    coll.flow = true;
    const atRoot = ctx.atRoot;
    if (atRoot)
        ctx.atRoot = false;
    if (ctx.atKey)
        ctx.atKey = false;
    let offset = fc.offset + fc.start.source.length;
    for (let i = 0; i < fc.items.length; ++i) {
        const collItem = fc.items[i];
        const { start, key, sep, value } = collItem;
        const props = resolveProps.resolveProps(start, {
            flow: fcName,
            indicator: 'explicit-key-ind',
            next: key ?? sep?.[0],
            offset,
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
        });
        if (!props.found) {
            if (!props.anchor && !props.tag && !sep && !value) {
                if (i === 0 && props.comma)
                    onError(props.comma, 'UNEXPECTED_TOKEN', `Unexpected , in ${fcName}`);
                else if (i < fc.items.length - 1)
                    onError(props.start, 'UNEXPECTED_TOKEN', `Unexpected empty item in ${fcName}`);
                if (props.comment) {
                    if (coll.comment)
                        coll.comment += '\n' + props.comment;
                    else
                        coll.comment = props.comment;
                }
                offset = props.end;
                continue;
            }
            if (!isMap && ctx.options.strict && utilContainsNewline.containsNewline(key))
                onError(key, // checked by containsNewline()
                'MULTILINE_IMPLICIT_KEY', 'Implicit keys of flow sequence pairs need to be on a single line');
        }
        if (i === 0) {
            if (props.comma)
                onError(props.comma, 'UNEXPECTED_TOKEN', `Unexpected , in ${fcName}`);
        }
        else {
            if (!props.comma)
                onError(props.start, 'MISSING_CHAR', `Missing , between ${fcName} items`);
            if (props.comment) {
                let prevItemComment = '';
                loop: for (const st of start) {
                    switch (st.type) {
                        case 'comma':
                        case 'space':
                            break;
                        case 'comment':
                            prevItemComment = st.source.substring(1);
                            break loop;
                        default:
                            break loop;
                    }
                }
                if (prevItemComment) {
                    let prev = coll.items[coll.items.length - 1];
                    if (identity.isPair(prev))
                        prev = prev.value ?? prev.key;
                    if (prev.comment)
                        prev.comment += '\n' + prevItemComment;
                    else
                        prev.comment = prevItemComment;
                    props.comment = props.comment.substring(prevItemComment.length + 1);
                }
            }
        }
        if (!isMap && !sep && !props.found) {
            // item is a value in a seq
            // → key & sep are empty, start does not include ? or :
            const valueNode = value
                ? composeNode(ctx, value, props, onError)
                : composeEmptyNode(ctx, props.end, sep, null, props, onError);
            coll.items.push(valueNode);
            offset = valueNode.range[2];
            if (isBlock(value))
                onError(valueNode.range, 'BLOCK_IN_FLOW', blockMsg);
        }
        else {
            // item is a key+value pair
            // key value
            ctx.atKey = true;
            const keyStart = props.end;
            const keyNode = key
                ? composeNode(ctx, key, props, onError)
                : composeEmptyNode(ctx, keyStart, start, null, props, onError);
            if (isBlock(key))
                onError(keyNode.range, 'BLOCK_IN_FLOW', blockMsg);
            ctx.atKey = false;
            // value properties
            const valueProps = resolveProps.resolveProps(sep ?? [], {
                flow: fcName,
                indicator: 'map-value-ind',
                next: value,
                offset: keyNode.range[2],
                onError,
                parentIndent: fc.indent,
                startOnNewline: false
            });
            if (valueProps.found) {
                if (!isMap && !props.found && ctx.options.strict) {
                    if (sep)
                        for (const st of sep) {
                            if (st === valueProps.found)
                                break;
                            if (st.type === 'newline') {
                                onError(st, 'MULTILINE_IMPLICIT_KEY', 'Implicit keys of flow sequence pairs need to be on a single line');
                                break;
                            }
                        }
                    if (props.start < valueProps.found.offset - 1024)
                        onError(valueProps.found, 'KEY_OVER_1024_CHARS', 'The : indicator must be at most 1024 chars after the start of an implicit flow sequence key');
                }
            }
            else if (value) {
                if ('source' in value && value.source?.[0] === ':')
                    onError(value, 'MISSING_CHAR', `Missing space after : in ${fcName}`);
                else
                    onError(valueProps.start, 'MISSING_CHAR', `Missing , or : between ${fcName} items`);
            }
            // value value
            const valueNode = value
                ? composeNode(ctx, value, valueProps, onError)
                : valueProps.found
                    ? composeEmptyNode(ctx, valueProps.end, sep, null, valueProps, onError)
                    : null;
            if (valueNode) {
                if (isBlock(value))
                    onError(valueNode.range, 'BLOCK_IN_FLOW', blockMsg);
            }
            else if (valueProps.comment) {
                if (keyNode.comment)
                    keyNode.comment += '\n' + valueProps.comment;
                else
                    keyNode.comment = valueProps.comment;
            }
            const pair = new Pair.Pair(keyNode, valueNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            if (isMap) {
                const map = coll;
                if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
                    onError(keyStart, 'DUPLICATE_KEY', 'Map keys must be unique');
                map.items.push(pair);
            }
            else {
                const map = new YAMLMap.YAMLMap(ctx.schema);
                map.flow = true;
                map.items.push(pair);
                const endRange = (valueNode ?? keyNode).range;
                map.range = [keyNode.range[0], endRange[1], endRange[2]];
                coll.items.push(map);
            }
            offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
    }
    const expectedEnd = isMap ? '}' : ']';
    const [ce, ...ee] = fc.end;
    let cePos = offset;
    if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
    else {
        const name = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot
            ? `${name} must end with a ${expectedEnd}`
            : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? 'MISSING_CHAR' : 'BAD_INDENT', msg);
        if (ce && ce.source.length !== 1)
            ee.unshift(ce);
    }
    if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
            if (coll.comment)
                coll.comment += '\n' + end.comment;
            else
                coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
    }
    else {
        coll.range = [fc.offset, cePos, cePos];
    }
    return coll;
}

exports.resolveFlowCollection = resolveFlowCollection;


/***/ }),

/***/ 6842:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var resolveEnd = __nccwpck_require__(7788);

function resolveFlowScalar(scalar, strict, onError) {
    const { offset, type, source, end } = scalar;
    let _type;
    let value;
    const _onError = (rel, code, msg) => onError(offset + rel, code, msg);
    switch (type) {
        case 'scalar':
            _type = Scalar.Scalar.PLAIN;
            value = plainValue(source, _onError);
            break;
        case 'single-quoted-scalar':
            _type = Scalar.Scalar.QUOTE_SINGLE;
            value = singleQuotedValue(source, _onError);
            break;
        case 'double-quoted-scalar':
            _type = Scalar.Scalar.QUOTE_DOUBLE;
            value = doubleQuotedValue(source, _onError);
            break;
        /* istanbul ignore next should not happen */
        default:
            onError(scalar, 'UNEXPECTED_TOKEN', `Expected a flow scalar value, but found: ${type}`);
            return {
                value: '',
                type: null,
                comment: '',
                range: [offset, offset + source.length, offset + source.length]
            };
    }
    const valueEnd = offset + source.length;
    const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
    return {
        value,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
    };
}
function plainValue(source, onError) {
    let badChar = '';
    switch (source[0]) {
        /* istanbul ignore next should not happen */
        case '\t':
            badChar = 'a tab character';
            break;
        case ',':
            badChar = 'flow indicator character ,';
            break;
        case '%':
            badChar = 'directive indicator character %';
            break;
        case '|':
        case '>': {
            badChar = `block scalar indicator ${source[0]}`;
            break;
        }
        case '@':
        case '`': {
            badChar = `reserved character ${source[0]}`;
            break;
        }
    }
    if (badChar)
        onError(0, 'BAD_SCALAR_START', `Plain value cannot start with ${badChar}`);
    return unfoldLines(source);
}
function singleQuotedValue(source, onError) {
    if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, 'MISSING_CHAR', "Missing closing 'quote");
    return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
}
function unfoldLines(source) {
    const line = /(.*?)\r?\n/sy;
    let match = line.exec(source);
    if (!match)
        return source;
    /**
     * The negative lookbehinds in these RegExps are to
     * prevent causing a polynomial search time in certain cases.
     *
     * The try-catch is for Safari < 16.4 and other old browsers:
     * https://caniuse.com/js-regexp-lookbehind
     */
    let trimEnd, trimBoth;
    try {
        trimEnd = new RegExp('(?<![ \t])[ \t]+$');
        trimBoth = new RegExp('^[ \t]+|(?<![ \t])[ \t]+$', 'g');
    }
    catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
    }
    let res = match[1].replace(trimEnd, '');
    let sep = ' ';
    let pos = line.lastIndex;
    while ((match = line.exec(source))) {
        const lm = match[1].replace(trimBoth, '');
        if (lm === '') {
            if (sep === '\n')
                res += sep;
            else
                sep = '\n';
        }
        else {
            res += sep + lm;
            sep = ' ';
        }
        pos = line.lastIndex;
    }
    const last = /[ \t]*(.*)/sy;
    last.lastIndex = pos;
    match = last.exec(source);
    return res + sep + (match?.[1] ?? '');
}
function doubleQuotedValue(source, onError) {
    let res = '';
    for (let i = 1; i < source.length - 1; ++i) {
        const ch = source[i];
        if (ch === '\r' && source[i + 1] === '\n')
            continue;
        if (ch === '\n') {
            const { fold, offset } = foldNewline(source, i);
            res += fold;
            i = offset;
        }
        else if (ch === '\\') {
            let next = source[++i];
            const cc = escapeCodes[next];
            if (cc)
                res += cc;
            else if (next === '\n') {
                // skip escaped newlines, but still trim the following line
                next = source[i + 1];
                while (next === ' ' || next === '\t')
                    next = source[++i + 1];
            }
            else if (next === '\r' && source[i + 1] === '\n') {
                // skip escaped CRLF newlines, but still trim the following line
                next = source[++i + 1];
                while (next === ' ' || next === '\t')
                    next = source[++i + 1];
            }
            else if (next === 'x' || next === 'u' || next === 'U') {
                const length = next === 'x' ? 2 : next === 'u' ? 4 : 8;
                res += parseCharCode(source, i + 1, length, onError);
                i += length;
            }
            else {
                const raw = source.substr(i - 1, 2);
                onError(i - 1, 'BAD_DQ_ESCAPE', `Invalid escape sequence ${raw}`);
                res += raw;
            }
        }
        else if (ch === ' ' || ch === '\t') {
            // trim trailing whitespace
            const wsStart = i;
            let next = source[i + 1];
            while (next === ' ' || next === '\t')
                next = source[++i + 1];
            if (next !== '\n' && !(next === '\r' && source[i + 2] === '\n'))
                res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
        }
        else {
            res += ch;
        }
    }
    if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, 'MISSING_CHAR', 'Missing closing "quote');
    return res;
}
/**
 * Fold a single newline into a space, multiple newlines to N - 1 newlines.
 * Presumes `source[offset] === '\n'`
 */
function foldNewline(source, offset) {
    let fold = '';
    let ch = source[offset + 1];
    while (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
        if (ch === '\r' && source[offset + 2] !== '\n')
            break;
        if (ch === '\n')
            fold += '\n';
        offset += 1;
        ch = source[offset + 1];
    }
    if (!fold)
        fold = ' ';
    return { fold, offset };
}
const escapeCodes = {
    '0': '\0', // null character
    a: '\x07', // bell character
    b: '\b', // backspace
    e: '\x1b', // escape character
    f: '\f', // form feed
    n: '\n', // line feed
    r: '\r', // carriage return
    t: '\t', // horizontal tab
    v: '\v', // vertical tab
    N: '\u0085', // Unicode next line
    _: '\u00a0', // Unicode non-breaking space
    L: '\u2028', // Unicode line separator
    P: '\u2029', // Unicode paragraph separator
    ' ': ' ',
    '"': '"',
    '/': '/',
    '\\': '\\',
    '\t': '\t'
};
function parseCharCode(source, offset, length, onError) {
    const cc = source.substr(offset, length);
    const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
    const code = ok ? parseInt(cc, 16) : NaN;
    try {
        return String.fromCodePoint(code);
    }
    catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, 'BAD_DQ_ESCAPE', `Invalid escape sequence ${raw}`);
        return raw;
    }
}

exports.resolveFlowScalar = resolveFlowScalar;


/***/ }),

/***/ 4631:
/***/ ((__unused_webpack_module, exports) => {



function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
    let spaceBefore = false;
    let atNewline = startOnNewline;
    let hasSpace = startOnNewline;
    let comment = '';
    let commentSep = '';
    let hasNewline = false;
    let reqSpace = false;
    let tab = null;
    let anchor = null;
    let tag = null;
    let newlineAfterProp = null;
    let comma = null;
    let found = null;
    let start = null;
    for (const token of tokens) {
        if (reqSpace) {
            if (token.type !== 'space' &&
                token.type !== 'newline' &&
                token.type !== 'comma')
                onError(token.offset, 'MISSING_CHAR', 'Tags and anchors must be separated from the next token by white space');
            reqSpace = false;
        }
        if (tab) {
            if (atNewline && token.type !== 'comment' && token.type !== 'newline') {
                onError(tab, 'TAB_AS_INDENT', 'Tabs are not allowed as indentation');
            }
            tab = null;
        }
        switch (token.type) {
            case 'space':
                // At the doc level, tabs at line start may be parsed
                // as leading white space rather than indentation.
                // In a flow collection, only the parser handles indent.
                if (!flow &&
                    (indicator !== 'doc-start' || next?.type !== 'flow-collection') &&
                    token.source.includes('\t')) {
                    tab = token;
                }
                hasSpace = true;
                break;
            case 'comment': {
                if (!hasSpace)
                    onError(token, 'MISSING_CHAR', 'Comments must be separated from other tokens by white space characters');
                const cb = token.source.substring(1) || ' ';
                if (!comment)
                    comment = cb;
                else
                    comment += commentSep + cb;
                commentSep = '';
                atNewline = false;
                break;
            }
            case 'newline':
                if (atNewline) {
                    if (comment)
                        comment += token.source;
                    else if (!found || indicator !== 'seq-item-ind')
                        spaceBefore = true;
                }
                else
                    commentSep += token.source;
                atNewline = true;
                hasNewline = true;
                if (anchor || tag)
                    newlineAfterProp = token;
                hasSpace = true;
                break;
            case 'anchor':
                if (anchor)
                    onError(token, 'MULTIPLE_ANCHORS', 'A node can have at most one anchor');
                if (token.source.endsWith(':'))
                    onError(token.offset + token.source.length - 1, 'BAD_ALIAS', 'Anchor ending in : is ambiguous', true);
                anchor = token;
                start ?? (start = token.offset);
                atNewline = false;
                hasSpace = false;
                reqSpace = true;
                break;
            case 'tag': {
                if (tag)
                    onError(token, 'MULTIPLE_TAGS', 'A node can have at most one tag');
                tag = token;
                start ?? (start = token.offset);
                atNewline = false;
                hasSpace = false;
                reqSpace = true;
                break;
            }
            case indicator:
                // Could here handle preceding comments differently
                if (anchor || tag)
                    onError(token, 'BAD_PROP_ORDER', `Anchors and tags must be after the ${token.source} indicator`);
                if (found)
                    onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${token.source} in ${flow ?? 'collection'}`);
                found = token;
                atNewline =
                    indicator === 'seq-item-ind' || indicator === 'explicit-key-ind';
                hasSpace = false;
                break;
            case 'comma':
                if (flow) {
                    if (comma)
                        onError(token, 'UNEXPECTED_TOKEN', `Unexpected , in ${flow}`);
                    comma = token;
                    atNewline = false;
                    hasSpace = false;
                    break;
                }
            // else fallthrough
            default:
                onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${token.type} token`);
                atNewline = false;
                hasSpace = false;
        }
    }
    const last = tokens[tokens.length - 1];
    const end = last ? last.offset + last.source.length : offset;
    if (reqSpace &&
        next &&
        next.type !== 'space' &&
        next.type !== 'newline' &&
        next.type !== 'comma' &&
        (next.type !== 'scalar' || next.source !== '')) {
        onError(next.offset, 'MISSING_CHAR', 'Tags and anchors must be separated from the next token by white space');
    }
    if (tab &&
        ((atNewline && tab.indent <= parentIndent) ||
            next?.type === 'block-map' ||
            next?.type === 'block-seq'))
        onError(tab, 'TAB_AS_INDENT', 'Tabs are not allowed as indentation');
    return {
        comma,
        found,
        spaceBefore,
        comment,
        hasNewline,
        anchor,
        tag,
        newlineAfterProp,
        end,
        start: start ?? end
    };
}

exports.resolveProps = resolveProps;


/***/ }),

/***/ 9499:
/***/ ((__unused_webpack_module, exports) => {



function containsNewline(key) {
    if (!key)
        return null;
    switch (key.type) {
        case 'alias':
        case 'scalar':
        case 'double-quoted-scalar':
        case 'single-quoted-scalar':
            if (key.source.includes('\n'))
                return true;
            if (key.end)
                for (const st of key.end)
                    if (st.type === 'newline')
                        return true;
            return false;
        case 'flow-collection':
            for (const it of key.items) {
                for (const st of it.start)
                    if (st.type === 'newline')
                        return true;
                if (it.sep)
                    for (const st of it.sep)
                        if (st.type === 'newline')
                            return true;
                if (containsNewline(it.key) || containsNewline(it.value))
                    return true;
            }
            return false;
        default:
            return true;
    }
}

exports.containsNewline = containsNewline;


/***/ }),

/***/ 2599:
/***/ ((__unused_webpack_module, exports) => {



function emptyScalarPosition(offset, before, pos) {
    if (before) {
        pos ?? (pos = before.length);
        for (let i = pos - 1; i >= 0; --i) {
            let st = before[i];
            switch (st.type) {
                case 'space':
                case 'comment':
                case 'newline':
                    offset -= st.source.length;
                    continue;
            }
            // Technically, an empty scalar is immediately after the last non-empty
            // node, but it's more useful to place it after any whitespace.
            st = before[++i];
            while (st?.type === 'space') {
                offset += st.source.length;
                st = before[++i];
            }
            break;
        }
    }
    return offset;
}

exports.emptyScalarPosition = emptyScalarPosition;


/***/ }),

/***/ 4051:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var utilContainsNewline = __nccwpck_require__(9499);

function flowIndentCheck(indent, fc, onError) {
    if (fc?.type === 'flow-collection') {
        const end = fc.end[0];
        if (end.indent === indent &&
            (end.source === ']' || end.source === '}') &&
            utilContainsNewline.containsNewline(fc)) {
            const msg = 'Flow end indicator should be more indented than parent';
            onError(end, 'BAD_INDENT', msg, true);
        }
    }
}

exports.flowIndentCheck = flowIndentCheck;


/***/ }),

/***/ 1187:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

function mapIncludes(ctx, items, search) {
    const { uniqueKeys } = ctx.options;
    if (uniqueKeys === false)
        return false;
    const isEqual = typeof uniqueKeys === 'function'
        ? uniqueKeys
        : (a, b) => a === b || (identity.isScalar(a) && identity.isScalar(b) && a.value === b.value);
    return items.some(pair => isEqual(pair.key, search));
}

exports.mapIncludes = mapIncludes;


/***/ }),

/***/ 3021:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var toJS = __nccwpck_require__(4043);
var Schema = __nccwpck_require__(5840);
var stringifyDocument = __nccwpck_require__(6829);
var anchors = __nccwpck_require__(1596);
var applyReviver = __nccwpck_require__(3661);
var createNode = __nccwpck_require__(2404);
var directives = __nccwpck_require__(1342);

class Document {
    constructor(value, replacer, options) {
        /** A comment before this Document */
        this.commentBefore = null;
        /** A comment immediately after this Document */
        this.comment = null;
        /** Errors encountered during parsing. */
        this.errors = [];
        /** Warnings encountered during parsing. */
        this.warnings = [];
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
        let _replacer = null;
        if (typeof replacer === 'function' || Array.isArray(replacer)) {
            _replacer = replacer;
        }
        else if (options === undefined && replacer) {
            options = replacer;
            replacer = undefined;
        }
        const opt = Object.assign({
            intAsBigInt: false,
            keepSourceTokens: false,
            logLevel: 'warn',
            prettyErrors: true,
            strict: true,
            stringKeys: false,
            uniqueKeys: true,
            version: '1.2'
        }, options);
        this.options = opt;
        let { version } = opt;
        if (options?._directives) {
            this.directives = options._directives.atDocument();
            if (this.directives.yaml.explicit)
                version = this.directives.yaml.version;
        }
        else
            this.directives = new directives.Directives({ version });
        this.setSchema(version, options);
        // @ts-expect-error We can't really know that this matches Contents.
        this.contents =
            value === undefined ? null : this.createNode(value, _replacer, options);
    }
    /**
     * Create a deep copy of this Document and its contents.
     *
     * Custom Node values that inherit from `Object` still refer to their original instances.
     */
    clone() {
        const copy = Object.create(Document.prototype, {
            [identity.NODE_TYPE]: { value: identity.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
            copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        // @ts-expect-error We can't really know that this matches Contents.
        copy.contents = identity.isNode(this.contents)
            ? this.contents.clone(copy.schema)
            : this.contents;
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /** Adds a value to the document. */
    add(value) {
        if (assertCollection(this.contents))
            this.contents.add(value);
    }
    /** Adds a value to the document. */
    addIn(path, value) {
        if (assertCollection(this.contents))
            this.contents.addIn(path, value);
    }
    /**
     * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
     *
     * If `node` already has an anchor, `name` is ignored.
     * Otherwise, the `node.anchor` value will be set to `name`,
     * or if an anchor with that name is already present in the document,
     * `name` will be used as a prefix for a new unique anchor.
     * If `name` is undefined, the generated anchor will use 'a' as a prefix.
     */
    createAlias(node, name) {
        if (!node.anchor) {
            const prev = anchors.anchorNames(this);
            node.anchor =
                // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
                !name || prev.has(name) ? anchors.findNewAnchor(name || 'a', prev) : name;
        }
        return new Alias.Alias(node.anchor);
    }
    createNode(value, replacer, options) {
        let _replacer = undefined;
        if (typeof replacer === 'function') {
            value = replacer.call({ '': value }, '', value);
            _replacer = replacer;
        }
        else if (Array.isArray(replacer)) {
            const keyToStr = (v) => typeof v === 'number' || v instanceof String || v instanceof Number;
            const asStr = replacer.filter(keyToStr).map(String);
            if (asStr.length > 0)
                replacer = replacer.concat(asStr);
            _replacer = replacer;
        }
        else if (options === undefined && replacer) {
            options = replacer;
            replacer = undefined;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(this, 
        // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
        anchorPrefix || 'a');
        const ctx = {
            aliasDuplicateObjects: aliasDuplicateObjects ?? true,
            keepUndefined: keepUndefined ?? false,
            onAnchor,
            onTagObj,
            replacer: _replacer,
            schema: this.schema,
            sourceObjects
        };
        const node = createNode.createNode(value, tag, ctx);
        if (flow && identity.isCollection(node))
            node.flow = true;
        setAnchors();
        return node;
    }
    /**
     * Convert a key and a value into a `Pair` using the current schema,
     * recursively wrapping all values as `Scalar` or `Collection` nodes.
     */
    createPair(key, value, options = {}) {
        const k = this.createNode(key, null, options);
        const v = this.createNode(value, null, options);
        return new Pair.Pair(k, v);
    }
    /**
     * Removes a value from the document.
     * @returns `true` if the item was found and removed.
     */
    delete(key) {
        return assertCollection(this.contents) ? this.contents.delete(key) : false;
    }
    /**
     * Removes a value from the document.
     * @returns `true` if the item was found and removed.
     */
    deleteIn(path) {
        if (Collection.isEmptyPath(path)) {
            if (this.contents == null)
                return false;
            // @ts-expect-error Presumed impossible if Strict extends false
            this.contents = null;
            return true;
        }
        return assertCollection(this.contents)
            ? this.contents.deleteIn(path)
            : false;
    }
    /**
     * Returns item at `key`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    get(key, keepScalar) {
        return identity.isCollection(this.contents)
            ? this.contents.get(key, keepScalar)
            : undefined;
    }
    /**
     * Returns item at `path`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    getIn(path, keepScalar) {
        if (Collection.isEmptyPath(path))
            return !keepScalar && identity.isScalar(this.contents)
                ? this.contents.value
                : this.contents;
        return identity.isCollection(this.contents)
            ? this.contents.getIn(path, keepScalar)
            : undefined;
    }
    /**
     * Checks if the document includes a value with the key `key`.
     */
    has(key) {
        return identity.isCollection(this.contents) ? this.contents.has(key) : false;
    }
    /**
     * Checks if the document includes a value at `path`.
     */
    hasIn(path) {
        if (Collection.isEmptyPath(path))
            return this.contents !== undefined;
        return identity.isCollection(this.contents) ? this.contents.hasIn(path) : false;
    }
    /**
     * Sets a value in this document. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    set(key, value) {
        if (this.contents == null) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = Collection.collectionFromPath(this.schema, [key], value);
        }
        else if (assertCollection(this.contents)) {
            this.contents.set(key, value);
        }
    }
    /**
     * Sets a value in this document. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    setIn(path, value) {
        if (Collection.isEmptyPath(path)) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = value;
        }
        else if (this.contents == null) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = Collection.collectionFromPath(this.schema, Array.from(path), value);
        }
        else if (assertCollection(this.contents)) {
            this.contents.setIn(path, value);
        }
    }
    /**
     * Change the YAML version and schema used by the document.
     * A `null` version disables support for directives, explicit tags, anchors, and aliases.
     * It also requires the `schema` option to be given as a `Schema` instance value.
     *
     * Overrides all previously set schema options.
     */
    setSchema(version, options = {}) {
        if (typeof version === 'number')
            version = String(version);
        let opt;
        switch (version) {
            case '1.1':
                if (this.directives)
                    this.directives.yaml.version = '1.1';
                else
                    this.directives = new directives.Directives({ version: '1.1' });
                opt = { resolveKnownTags: false, schema: 'yaml-1.1' };
                break;
            case '1.2':
            case 'next':
                if (this.directives)
                    this.directives.yaml.version = version;
                else
                    this.directives = new directives.Directives({ version });
                opt = { resolveKnownTags: true, schema: 'core' };
                break;
            case null:
                if (this.directives)
                    delete this.directives;
                opt = null;
                break;
            default: {
                const sv = JSON.stringify(version);
                throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
            }
        }
        // Not using `instanceof Schema` to allow for duck typing
        if (options.schema instanceof Object)
            this.schema = options.schema;
        else if (opt)
            this.schema = new Schema.Schema(Object.assign(opt, options));
        else
            throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
    }
    // json & jsonArg are only used from toJSON()
    toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
            anchors: new Map(),
            doc: this,
            keep: !json,
            mapAsMap: mapAsMap === true,
            mapKeyWarned: false,
            maxAliasCount: typeof maxAliasCount === 'number' ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? '', ctx);
        if (typeof onAnchor === 'function')
            for (const { count, res } of ctx.anchors.values())
                onAnchor(res, count);
        return typeof reviver === 'function'
            ? applyReviver.applyReviver(reviver, { '': res }, '', res)
            : res;
    }
    /**
     * A JSON representation of the document `contents`.
     *
     * @param jsonArg Used by `JSON.stringify` to indicate the array index or
     *   property name.
     */
    toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
    }
    /** A YAML representation of the document. */
    toString(options = {}) {
        if (this.errors.length > 0)
            throw new Error('Document with errors cannot be stringified');
        if ('indent' in options &&
            (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
            const s = JSON.stringify(options.indent);
            throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
    }
}
function assertCollection(contents) {
    if (identity.isCollection(contents))
        return true;
    throw new Error('Expected a YAML collection as document contents');
}

exports.Document = Document;


/***/ }),

/***/ 1596:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var visit = __nccwpck_require__(204);

/**
 * Verify that the input string is a valid anchor.
 *
 * Will throw on errors.
 */
function anchorIsValid(anchor) {
    if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
    }
    return true;
}
function anchorNames(root) {
    const anchors = new Set();
    visit.visit(root, {
        Value(_key, node) {
            if (node.anchor)
                anchors.add(node.anchor);
        }
    });
    return anchors;
}
/** Find a new anchor name with the given `prefix` and a one-indexed suffix. */
function findNewAnchor(prefix, exclude) {
    for (let i = 1; true; ++i) {
        const name = `${prefix}${i}`;
        if (!exclude.has(name))
            return name;
    }
}
function createNodeAnchors(doc, prefix) {
    const aliasObjects = [];
    const sourceObjects = new Map();
    let prevAnchors = null;
    return {
        onAnchor: (source) => {
            aliasObjects.push(source);
            prevAnchors ?? (prevAnchors = anchorNames(doc));
            const anchor = findNewAnchor(prefix, prevAnchors);
            prevAnchors.add(anchor);
            return anchor;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
            for (const source of aliasObjects) {
                const ref = sourceObjects.get(source);
                if (typeof ref === 'object' &&
                    ref.anchor &&
                    (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
                    ref.node.anchor = ref.anchor;
                }
                else {
                    const error = new Error('Failed to resolve repeated object (this should not happen)');
                    error.source = source;
                    throw error;
                }
            }
        },
        sourceObjects
    };
}

exports.anchorIsValid = anchorIsValid;
exports.anchorNames = anchorNames;
exports.createNodeAnchors = createNodeAnchors;
exports.findNewAnchor = findNewAnchor;


/***/ }),

/***/ 3661:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Applies the JSON.parse reviver algorithm as defined in the ECMA-262 spec,
 * in section 24.5.1.1 "Runtime Semantics: InternalizeJSONProperty" of the
 * 2021 edition: https://tc39.es/ecma262/#sec-json.parse
 *
 * Includes extensions for handling Map and Set objects.
 */
function applyReviver(reviver, obj, key, val) {
    if (val && typeof val === 'object') {
        if (Array.isArray(val)) {
            for (let i = 0, len = val.length; i < len; ++i) {
                const v0 = val[i];
                const v1 = applyReviver(reviver, val, String(i), v0);
                // eslint-disable-next-line @typescript-eslint/no-array-delete
                if (v1 === undefined)
                    delete val[i];
                else if (v1 !== v0)
                    val[i] = v1;
            }
        }
        else if (val instanceof Map) {
            for (const k of Array.from(val.keys())) {
                const v0 = val.get(k);
                const v1 = applyReviver(reviver, val, k, v0);
                if (v1 === undefined)
                    val.delete(k);
                else if (v1 !== v0)
                    val.set(k, v1);
            }
        }
        else if (val instanceof Set) {
            for (const v0 of Array.from(val)) {
                const v1 = applyReviver(reviver, val, v0, v0);
                if (v1 === undefined)
                    val.delete(v0);
                else if (v1 !== v0) {
                    val.delete(v0);
                    val.add(v1);
                }
            }
        }
        else {
            for (const [k, v0] of Object.entries(val)) {
                const v1 = applyReviver(reviver, val, k, v0);
                if (v1 === undefined)
                    delete val[k];
                else if (v1 !== v0)
                    val[k] = v1;
            }
        }
    }
    return reviver.call(obj, key, val);
}

exports.applyReviver = applyReviver;


/***/ }),

/***/ 2404:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);

const defaultTagPrefix = 'tag:yaml.org,2002:';
function findTagObject(value, tagName, tags) {
    if (tagName) {
        const match = tags.filter(t => t.tag === tagName);
        const tagObj = match.find(t => !t.format) ?? match[0];
        if (!tagObj)
            throw new Error(`Tag ${tagName} not found`);
        return tagObj;
    }
    return tags.find(t => t.identify?.(value) && !t.format);
}
function createNode(value, tagName, ctx) {
    if (identity.isDocument(value))
        value = value.contents;
    if (identity.isNode(value))
        return value;
    if (identity.isPair(value)) {
        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value);
        return map;
    }
    if (value instanceof String ||
        value instanceof Number ||
        value instanceof Boolean ||
        (typeof BigInt !== 'undefined' && value instanceof BigInt) // not supported everywhere
    ) {
        // https://tc39.es/ecma262/#sec-serializejsonproperty
        value = value.valueOf();
    }
    const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
    // Detect duplicate references to the same object & use Alias nodes for all
    // after first. The `ref` wrapper allows for circular references to resolve.
    let ref = undefined;
    if (aliasDuplicateObjects && value && typeof value === 'object') {
        ref = sourceObjects.get(value);
        if (ref) {
            ref.anchor ?? (ref.anchor = onAnchor(value));
            return new Alias.Alias(ref.anchor);
        }
        else {
            ref = { anchor: null, node: null };
            sourceObjects.set(value, ref);
        }
    }
    if (tagName?.startsWith('!!'))
        tagName = defaultTagPrefix + tagName.slice(2);
    let tagObj = findTagObject(value, tagName, schema.tags);
    if (!tagObj) {
        if (value && typeof value.toJSON === 'function') {
            // eslint-disable-next-line @typescript-eslint/no-unsafe-call
            value = value.toJSON();
        }
        if (!value || typeof value !== 'object') {
            const node = new Scalar.Scalar(value);
            if (ref)
                ref.node = node;
            return node;
        }
        tagObj =
            value instanceof Map
                ? schema[identity.MAP]
                : Symbol.iterator in Object(value)
                    ? schema[identity.SEQ]
                    : schema[identity.MAP];
    }
    if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
    }
    const node = tagObj?.createNode
        ? tagObj.createNode(ctx.schema, value, ctx)
        : typeof tagObj?.nodeClass?.from === 'function'
            ? tagObj.nodeClass.from(ctx.schema, value, ctx)
            : new Scalar.Scalar(value);
    if (tagName)
        node.tag = tagName;
    else if (!tagObj.default)
        node.tag = tagObj.tag;
    if (ref)
        ref.node = node;
    return node;
}

exports.createNode = createNode;


/***/ }),

/***/ 1342:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var visit = __nccwpck_require__(204);

const escapeChars = {
    '!': '%21',
    ',': '%2C',
    '[': '%5B',
    ']': '%5D',
    '{': '%7B',
    '}': '%7D'
};
const escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, ch => escapeChars[ch]);
class Directives {
    constructor(yaml, tags) {
        /**
         * The directives-end/doc-start marker `---`. If `null`, a marker may still be
         * included in the document's stringified representation.
         */
        this.docStart = null;
        /** The doc-end marker `...`.  */
        this.docEnd = false;
        this.yaml = Object.assign({}, Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, Directives.defaultTags, tags);
    }
    clone() {
        const copy = new Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
    }
    /**
     * During parsing, get a Directives instance for the current document and
     * update the stream state according to the current version's spec.
     */
    atDocument() {
        const res = new Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
            case '1.1':
                this.atNextDocument = true;
                break;
            case '1.2':
                this.atNextDocument = false;
                this.yaml = {
                    explicit: Directives.defaultYaml.explicit,
                    version: '1.2'
                };
                this.tags = Object.assign({}, Directives.defaultTags);
                break;
        }
        return res;
    }
    /**
     * @param onError - May be called even if the action was successful
     * @returns `true` on success
     */
    add(line, onError) {
        if (this.atNextDocument) {
            this.yaml = { explicit: Directives.defaultYaml.explicit, version: '1.1' };
            this.tags = Object.assign({}, Directives.defaultTags);
            this.atNextDocument = false;
        }
        const parts = line.trim().split(/[ \t]+/);
        const name = parts.shift();
        switch (name) {
            case '%TAG': {
                if (parts.length !== 2) {
                    onError(0, '%TAG directive should contain exactly two parts');
                    if (parts.length < 2)
                        return false;
                }
                const [handle, prefix] = parts;
                this.tags[handle] = prefix;
                return true;
            }
            case '%YAML': {
                this.yaml.explicit = true;
                if (parts.length !== 1) {
                    onError(0, '%YAML directive should contain exactly one part');
                    return false;
                }
                const [version] = parts;
                if (version === '1.1' || version === '1.2') {
                    this.yaml.version = version;
                    return true;
                }
                else {
                    const isValid = /^\d+\.\d+$/.test(version);
                    onError(6, `Unsupported YAML version ${version}`, isValid);
                    return false;
                }
            }
            default:
                onError(0, `Unknown directive ${name}`, true);
                return false;
        }
    }
    /**
     * Resolves a tag, matching handles to those defined in %TAG directives.
     *
     * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
     *   `'!local'` tag, or `null` if unresolvable.
     */
    tagName(source, onError) {
        if (source === '!')
            return '!'; // non-specific tag
        if (source[0] !== '!') {
            onError(`Not a valid tag: ${source}`);
            return null;
        }
        if (source[1] === '<') {
            const verbatim = source.slice(2, -1);
            if (verbatim === '!' || verbatim === '!!') {
                onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
                return null;
            }
            if (source[source.length - 1] !== '>')
                onError('Verbatim tags must end with a >');
            return verbatim;
        }
        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
            onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle];
        if (prefix) {
            try {
                return prefix + decodeURIComponent(suffix);
            }
            catch (error) {
                onError(String(error));
                return null;
            }
        }
        if (handle === '!')
            return source; // local tag
        onError(`Could not resolve tag: ${source}`);
        return null;
    }
    /**
     * Given a fully resolved tag, returns its printable string form,
     * taking into account current tag prefixes and defaults.
     */
    tagString(tag) {
        for (const [handle, prefix] of Object.entries(this.tags)) {
            if (tag.startsWith(prefix))
                return handle + escapeTagName(tag.substring(prefix.length));
        }
        return tag[0] === '!' ? tag : `!<${tag}>`;
    }
    toString(doc) {
        const lines = this.yaml.explicit
            ? [`%YAML ${this.yaml.version || '1.2'}`]
            : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
            const tags = {};
            visit.visit(doc.contents, (_key, node) => {
                if (identity.isNode(node) && node.tag)
                    tags[node.tag] = true;
            });
            tagNames = Object.keys(tags);
        }
        else
            tagNames = [];
        for (const [handle, prefix] of tagEntries) {
            if (handle === '!!' && prefix === 'tag:yaml.org,2002:')
                continue;
            if (!doc || tagNames.some(tn => tn.startsWith(prefix)))
                lines.push(`%TAG ${handle} ${prefix}`);
        }
        return lines.join('\n');
    }
}
Directives.defaultYaml = { explicit: false, version: '1.2' };
Directives.defaultTags = { '!!': 'tag:yaml.org,2002:' };

exports.Directives = Directives;


/***/ }),

/***/ 1464:
/***/ ((__unused_webpack_module, exports) => {



class YAMLError extends Error {
    constructor(name, pos, code, message) {
        super();
        this.name = name;
        this.code = code;
        this.message = message;
        this.pos = pos;
    }
}
class YAMLParseError extends YAMLError {
    constructor(pos, code, message) {
        super('YAMLParseError', pos, code, message);
    }
}
class YAMLWarning extends YAMLError {
    constructor(pos, code, message) {
        super('YAMLWarning', pos, code, message);
    }
}
const prettifyError = (src, lc) => (error) => {
    if (error.pos[0] === -1)
        return;
    error.linePos = error.pos.map(pos => lc.linePos(pos));
    const { line, col } = error.linePos[0];
    error.message += ` at line ${line}, column ${col}`;
    let ci = col - 1;
    let lineStr = src
        .substring(lc.lineStarts[line - 1], lc.lineStarts[line])
        .replace(/[\n\r]+$/, '');
    // Trim to max 80 chars, keeping col position near the middle
    if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = '…' + lineStr.substring(trimStart);
        ci -= trimStart - 1;
    }
    if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + '…';
    // Include previous line in context if pointing at line start
    if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        // Regexp won't match if start is trimmed
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
            prev = prev.substring(0, 79) + '…\n';
        lineStr = prev + lineStr;
    }
    if (/[^ ]/.test(lineStr)) {
        let count = 1;
        const end = error.linePos[1];
        if (end?.line === line && end.col > col) {
            count = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = ' '.repeat(ci) + '^'.repeat(count);
        error.message += `:\n\n${lineStr}\n${pointer}\n`;
    }
};

exports.YAMLError = YAMLError;
exports.YAMLParseError = YAMLParseError;
exports.YAMLWarning = YAMLWarning;
exports.prettifyError = prettifyError;


/***/ }),

/***/ 8815:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

var __webpack_unused_export__;


var composer = __nccwpck_require__(9984);
var Document = __nccwpck_require__(3021);
var Schema = __nccwpck_require__(5840);
var errors = __nccwpck_require__(1464);
var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var cst = __nccwpck_require__(3461);
var lexer = __nccwpck_require__(361);
var lineCounter = __nccwpck_require__(6628);
var parser = __nccwpck_require__(3456);
var publicApi = __nccwpck_require__(4047);
var visit = __nccwpck_require__(204);



__webpack_unused_export__ = composer.Composer;
__webpack_unused_export__ = Document.Document;
__webpack_unused_export__ = Schema.Schema;
__webpack_unused_export__ = errors.YAMLError;
exports.XT = errors.YAMLParseError;
__webpack_unused_export__ = errors.YAMLWarning;
__webpack_unused_export__ = Alias.Alias;
__webpack_unused_export__ = identity.isAlias;
__webpack_unused_export__ = identity.isCollection;
__webpack_unused_export__ = identity.isDocument;
__webpack_unused_export__ = identity.isMap;
__webpack_unused_export__ = identity.isNode;
__webpack_unused_export__ = identity.isPair;
__webpack_unused_export__ = identity.isScalar;
__webpack_unused_export__ = identity.isSeq;
__webpack_unused_export__ = Pair.Pair;
__webpack_unused_export__ = Scalar.Scalar;
__webpack_unused_export__ = YAMLMap.YAMLMap;
__webpack_unused_export__ = YAMLSeq.YAMLSeq;
__webpack_unused_export__ = cst;
__webpack_unused_export__ = lexer.Lexer;
__webpack_unused_export__ = lineCounter.LineCounter;
__webpack_unused_export__ = parser.Parser;
exports.qg = publicApi.parse;
__webpack_unused_export__ = publicApi.parseAllDocuments;
__webpack_unused_export__ = publicApi.parseDocument;
__webpack_unused_export__ = publicApi.stringify;
__webpack_unused_export__ = visit.visit;
__webpack_unused_export__ = visit.visitAsync;


/***/ }),

/***/ 7249:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);

function debug(logLevel, ...messages) {
    if (logLevel === 'debug')
        console.log(...messages);
}
function warn(logLevel, warning) {
    if (logLevel === 'debug' || logLevel === 'warn') {
        if (typeof node_process.emitWarning === 'function')
            node_process.emitWarning(warning);
        else
            console.warn(warning);
    }
}

exports.debug = debug;
exports.warn = warn;


/***/ }),

/***/ 4065:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var anchors = __nccwpck_require__(1596);
var visit = __nccwpck_require__(204);
var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);
var toJS = __nccwpck_require__(4043);

class Alias extends Node.NodeBase {
    constructor(source) {
        super(identity.ALIAS);
        this.source = source;
        Object.defineProperty(this, 'tag', {
            set() {
                throw new Error('Alias nodes cannot have tags');
            }
        });
    }
    /**
     * Resolve the value of this alias within `doc`, finding the last
     * instance of the `source` anchor before this node.
     */
    resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
            throw new ReferenceError('Alias resolution is disabled');
        let nodes;
        if (ctx?.aliasResolveCache) {
            nodes = ctx.aliasResolveCache;
        }
        else {
            nodes = [];
            visit.visit(doc, {
                Node: (_key, node) => {
                    if (identity.isAlias(node) || identity.hasAnchor(node))
                        nodes.push(node);
                }
            });
            if (ctx)
                ctx.aliasResolveCache = nodes;
        }
        let found = undefined;
        for (const node of nodes) {
            if (node === this)
                break;
            if (node.anchor === this.source)
                found = node;
        }
        if (found && ctx) {
            const { anchors, doc, maxAliasCount } = ctx;
            let data = anchors.get(found);
            if (!data) {
                // Resolve anchors for Node.prototype.toJS()
                toJS.toJS(found, null, ctx);
                data = anchors.get(found);
            }
            /* istanbul ignore if */
            if (data?.res === undefined) {
                const msg = 'This should not happen: Alias anchor was not resolved?';
                throw new ReferenceError(msg);
            }
            if (maxAliasCount >= 0) {
                data.count += 1;
                if (data.aliasCount === 0)
                    data.aliasCount = getAliasCount(doc, found, anchors);
                if (data.count * data.aliasCount > maxAliasCount) {
                    const msg = 'Excessive alias count indicates a resource exhaustion attack';
                    throw new ReferenceError(msg);
                }
            }
        }
        return found;
    }
    toJSON(_arg, ctx) {
        if (!ctx)
            return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
    }
    toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
            anchors.anchorIsValid(this.source);
            if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
                const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
                throw new Error(msg);
            }
            if (ctx.implicitKey)
                return `${src} `;
        }
        return src;
    }
}
function getAliasCount(doc, node, anchors) {
    if (identity.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor = anchors && source && anchors.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
    }
    else if (identity.isCollection(node)) {
        let count = 0;
        for (const item of node.items) {
            const c = getAliasCount(doc, item, anchors);
            if (c > count)
                count = c;
        }
        return count;
    }
    else if (identity.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors);
        const vc = getAliasCount(doc, node.value, anchors);
        return Math.max(kc, vc);
    }
    return 1;
}

exports.Alias = Alias;


/***/ }),

/***/ 101:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);

function collectionFromPath(schema, path, value) {
    let v = value;
    for (let i = path.length - 1; i >= 0; --i) {
        const k = path[i];
        if (typeof k === 'number' && Number.isInteger(k) && k >= 0) {
            const a = [];
            a[k] = v;
            v = a;
        }
        else {
            v = new Map([[k, v]]);
        }
    }
    return createNode.createNode(v, undefined, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
            throw new Error('This should not happen, please report a bug.');
        },
        schema,
        sourceObjects: new Map()
    });
}
// Type guard is intentionally a little wrong so as to be more useful,
// as it does not cover untypable empty non-string iterables (e.g. []).
const isEmptyPath = (path) => path == null ||
    (typeof path === 'object' && !!path[Symbol.iterator]().next().done);
class Collection extends Node.NodeBase {
    constructor(type, schema) {
        super(type);
        Object.defineProperty(this, 'schema', {
            value: schema,
            configurable: true,
            enumerable: false,
            writable: true
        });
    }
    /**
     * Create a copy of this collection.
     *
     * @param schema - If defined, overwrites the original's schema
     */
    clone(schema) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema)
            copy.schema = schema;
        copy.items = copy.items.map(it => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /**
     * Adds a value to the collection. For `!!map` and `!!omap` the value must
     * be a Pair instance or a `{ key, value }` object, which may not have a key
     * that already exists in the map.
     */
    addIn(path, value) {
        if (isEmptyPath(path))
            this.add(value);
        else {
            const [key, ...rest] = path;
            const node = this.get(key, true);
            if (identity.isCollection(node))
                node.addIn(rest, value);
            else if (node === undefined && this.schema)
                this.set(key, collectionFromPath(this.schema, rest, value));
            else
                throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
    }
    /**
     * Removes a value from the collection.
     * @returns `true` if the item was found and removed.
     */
    deleteIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
            return this.delete(key);
        const node = this.get(key, true);
        if (identity.isCollection(node))
            return node.deleteIn(rest);
        else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
    }
    /**
     * Returns item at `key`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    getIn(path, keepScalar) {
        const [key, ...rest] = path;
        const node = this.get(key, true);
        if (rest.length === 0)
            return !keepScalar && identity.isScalar(node) ? node.value : node;
        else
            return identity.isCollection(node) ? node.getIn(rest, keepScalar) : undefined;
    }
    hasAllNullValues(allowScalar) {
        return this.items.every(node => {
            if (!identity.isPair(node))
                return false;
            const n = node.value;
            return (n == null ||
                (allowScalar &&
                    identity.isScalar(n) &&
                    n.value == null &&
                    !n.commentBefore &&
                    !n.comment &&
                    !n.tag));
        });
    }
    /**
     * Checks if the collection includes a value with the key `key`.
     */
    hasIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
            return this.has(key);
        const node = this.get(key, true);
        return identity.isCollection(node) ? node.hasIn(rest) : false;
    }
    /**
     * Sets a value in this collection. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    setIn(path, value) {
        const [key, ...rest] = path;
        if (rest.length === 0) {
            this.set(key, value);
        }
        else {
            const node = this.get(key, true);
            if (identity.isCollection(node))
                node.setIn(rest, value);
            else if (node === undefined && this.schema)
                this.set(key, collectionFromPath(this.schema, rest, value));
            else
                throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
    }
}

exports.Collection = Collection;
exports.collectionFromPath = collectionFromPath;
exports.isEmptyPath = isEmptyPath;


/***/ }),

/***/ 6673:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var applyReviver = __nccwpck_require__(3661);
var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);

class NodeBase {
    constructor(type) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
    }
    /** Create a copy of this node.  */
    clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /** A plain JavaScript representation of this node. */
    toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity.isDocument(doc))
            throw new TypeError('A document argument is required');
        const ctx = {
            anchors: new Map(),
            doc,
            keep: true,
            mapAsMap: mapAsMap === true,
            mapKeyWarned: false,
            maxAliasCount: typeof maxAliasCount === 'number' ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, '', ctx);
        if (typeof onAnchor === 'function')
            for (const { count, res } of ctx.anchors.values())
                onAnchor(res, count);
        return typeof reviver === 'function'
            ? applyReviver.applyReviver(reviver, { '': res }, '', res)
            : res;
    }
}

exports.NodeBase = NodeBase;


/***/ }),

/***/ 7165:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var stringifyPair = __nccwpck_require__(9748);
var addPairToJSMap = __nccwpck_require__(7104);
var identity = __nccwpck_require__(1127);

function createPair(key, value, ctx) {
    const k = createNode.createNode(key, undefined, ctx);
    const v = createNode.createNode(value, undefined, ctx);
    return new Pair(k, v);
}
class Pair {
    constructor(key, value = null) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
        this.key = key;
        this.value = value;
    }
    clone(schema) {
        let { key, value } = this;
        if (identity.isNode(key))
            key = key.clone(schema);
        if (identity.isNode(value))
            value = value.clone(schema);
        return new Pair(key, value);
    }
    toJSON(_, ctx) {
        const pair = ctx?.mapAsMap ? new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
    }
    toString(ctx, onComment, onChompKeep) {
        return ctx?.doc
            ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep)
            : JSON.stringify(this);
    }
}

exports.Pair = Pair;
exports.createPair = createPair;


/***/ }),

/***/ 3301:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);
var toJS = __nccwpck_require__(4043);

const isScalarValue = (value) => !value || (typeof value !== 'function' && typeof value !== 'object');
class Scalar extends Node.NodeBase {
    constructor(value) {
        super(identity.SCALAR);
        this.value = value;
    }
    toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
    }
    toString() {
        return String(this.value);
    }
}
Scalar.BLOCK_FOLDED = 'BLOCK_FOLDED';
Scalar.BLOCK_LITERAL = 'BLOCK_LITERAL';
Scalar.PLAIN = 'PLAIN';
Scalar.QUOTE_DOUBLE = 'QUOTE_DOUBLE';
Scalar.QUOTE_SINGLE = 'QUOTE_SINGLE';

exports.Scalar = Scalar;
exports.isScalarValue = isScalarValue;


/***/ }),

/***/ 4454:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyCollection = __nccwpck_require__(1212);
var addPairToJSMap = __nccwpck_require__(7104);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);

function findPair(items, key) {
    const k = identity.isScalar(key) ? key.value : key;
    for (const it of items) {
        if (identity.isPair(it)) {
            if (it.key === key || it.key === k)
                return it;
            if (identity.isScalar(it.key) && it.key.value === k)
                return it;
        }
    }
    return undefined;
}
class YAMLMap extends Collection.Collection {
    static get tagName() {
        return 'tag:yaml.org,2002:map';
    }
    constructor(schema) {
        super(identity.MAP, schema);
        this.items = [];
    }
    /**
     * A generic collection parsing method that can be extended
     * to other node classes that inherit from YAMLMap
     */
    static from(schema, obj, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map = new this(schema);
        const add = (key, value) => {
            if (typeof replacer === 'function')
                value = replacer.call(obj, key, value);
            else if (Array.isArray(replacer) && !replacer.includes(key))
                return;
            if (value !== undefined || keepUndefined)
                map.items.push(Pair.createPair(key, value, ctx));
        };
        if (obj instanceof Map) {
            for (const [key, value] of obj)
                add(key, value);
        }
        else if (obj && typeof obj === 'object') {
            for (const key of Object.keys(obj))
                add(key, obj[key]);
        }
        if (typeof schema.sortMapEntries === 'function') {
            map.items.sort(schema.sortMapEntries);
        }
        return map;
    }
    /**
     * Adds a value to the collection.
     *
     * @param overwrite - If not set `true`, using a key that is already in the
     *   collection will throw. Otherwise, overwrites the previous value.
     */
    add(pair, overwrite) {
        let _pair;
        if (identity.isPair(pair))
            _pair = pair;
        else if (!pair || typeof pair !== 'object' || !('key' in pair)) {
            // In TypeScript, this never happens.
            _pair = new Pair.Pair(pair, pair?.value);
        }
        else
            _pair = new Pair.Pair(pair.key, pair.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
            if (!overwrite)
                throw new Error(`Key ${_pair.key} already set`);
            // For scalars, keep the old node & its comments and anchors
            if (identity.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
                prev.value.value = _pair.value;
            else
                prev.value = _pair.value;
        }
        else if (sortEntries) {
            const i = this.items.findIndex(item => sortEntries(_pair, item) < 0);
            if (i === -1)
                this.items.push(_pair);
            else
                this.items.splice(i, 0, _pair);
        }
        else {
            this.items.push(_pair);
        }
    }
    delete(key) {
        const it = findPair(this.items, key);
        if (!it)
            return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
    }
    get(key, keepScalar) {
        const it = findPair(this.items, key);
        const node = it?.value;
        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? undefined;
    }
    has(key) {
        return !!findPair(this.items, key);
    }
    set(key, value) {
        this.add(new Pair.Pair(key, value), true);
    }
    /**
     * @param ctx - Conversion context, originally set in Document#toJS()
     * @param {Class} Type - If set, forces the returned collection type
     * @returns Instance of Type, Map, or Object
     */
    toJSON(_, ctx, Type) {
        const map = Type ? new Type() : ctx?.mapAsMap ? new Map() : {};
        if (ctx?.onCreate)
            ctx.onCreate(map);
        for (const item of this.items)
            addPairToJSMap.addPairToJSMap(ctx, map, item);
        return map;
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        for (const item of this.items) {
            if (!identity.isPair(item))
                throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
            ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
            blockItemPrefix: '',
            flowChars: { start: '{', end: '}' },
            itemIndent: ctx.indent || '',
            onChompKeep,
            onComment
        });
    }
}

exports.YAMLMap = YAMLMap;
exports.findPair = findPair;


/***/ }),

/***/ 2223:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var stringifyCollection = __nccwpck_require__(1212);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var toJS = __nccwpck_require__(4043);

class YAMLSeq extends Collection.Collection {
    static get tagName() {
        return 'tag:yaml.org,2002:seq';
    }
    constructor(schema) {
        super(identity.SEQ, schema);
        this.items = [];
    }
    add(value) {
        this.items.push(value);
    }
    /**
     * Removes a value from the collection.
     *
     * `key` must contain a representation of an integer for this to succeed.
     * It may be wrapped in a `Scalar`.
     *
     * @returns `true` if the item was found and removed.
     */
    delete(key) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
    }
    get(key, keepScalar) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            return undefined;
        const it = this.items[idx];
        return !keepScalar && identity.isScalar(it) ? it.value : it;
    }
    /**
     * Checks if the collection includes a value with the key `key`.
     *
     * `key` must contain a representation of an integer for this to succeed.
     * It may be wrapped in a `Scalar`.
     */
    has(key) {
        const idx = asItemIndex(key);
        return typeof idx === 'number' && idx < this.items.length;
    }
    /**
     * Sets a value in this collection. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     *
     * If `key` does not contain a representation of an integer, this will throw.
     * It may be wrapped in a `Scalar`.
     */
    set(key, value) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            throw new Error(`Expected a valid index, not ${key}.`);
        const prev = this.items[idx];
        if (identity.isScalar(prev) && Scalar.isScalarValue(value))
            prev.value = value;
        else
            this.items[idx] = value;
    }
    toJSON(_, ctx) {
        const seq = [];
        if (ctx?.onCreate)
            ctx.onCreate(seq);
        let i = 0;
        for (const item of this.items)
            seq.push(toJS.toJS(item, String(i++), ctx));
        return seq;
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
            blockItemPrefix: '- ',
            flowChars: { start: '[', end: ']' },
            itemIndent: (ctx.indent || '') + '  ',
            onChompKeep,
            onComment
        });
    }
    static from(schema, obj, ctx) {
        const { replacer } = ctx;
        const seq = new this(schema);
        if (obj && Symbol.iterator in Object(obj)) {
            let i = 0;
            for (let it of obj) {
                if (typeof replacer === 'function') {
                    const key = obj instanceof Set ? it : String(i++);
                    it = replacer.call(obj, key, it);
                }
                seq.items.push(createNode.createNode(it, undefined, ctx));
            }
        }
        return seq;
    }
}
function asItemIndex(key) {
    let idx = identity.isScalar(key) ? key.value : key;
    if (idx && typeof idx === 'string')
        idx = Number(idx);
    return typeof idx === 'number' && Number.isInteger(idx) && idx >= 0
        ? idx
        : null;
}

exports.YAMLSeq = YAMLSeq;


/***/ }),

/***/ 7104:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var log = __nccwpck_require__(7249);
var merge = __nccwpck_require__(452);
var stringify = __nccwpck_require__(2148);
var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);

function addPairToJSMap(ctx, map, { key, value }) {
    if (identity.isNode(key) && key.addToJSMap)
        key.addToJSMap(ctx, map, value);
    // TODO: Should drop this special case for bare << handling
    else if (merge.isMergeKey(ctx, key))
        merge.addMergeToJSMap(ctx, map, value);
    else {
        const jsKey = toJS.toJS(key, '', ctx);
        if (map instanceof Map) {
            map.set(jsKey, toJS.toJS(value, jsKey, ctx));
        }
        else if (map instanceof Set) {
            map.add(jsKey);
        }
        else {
            const stringKey = stringifyKey(key, jsKey, ctx);
            const jsValue = toJS.toJS(value, stringKey, ctx);
            if (stringKey in map)
                Object.defineProperty(map, stringKey, {
                    value: jsValue,
                    writable: true,
                    enumerable: true,
                    configurable: true
                });
            else
                map[stringKey] = jsValue;
        }
    }
    return map;
}
function stringifyKey(key, jsKey, ctx) {
    if (jsKey === null)
        return '';
    // eslint-disable-next-line @typescript-eslint/no-base-to-string
    if (typeof jsKey !== 'object')
        return String(jsKey);
    if (identity.isNode(key) && ctx?.doc) {
        const strCtx = stringify.createStringifyContext(ctx.doc, {});
        strCtx.anchors = new Set();
        for (const node of ctx.anchors.keys())
            strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key.toString(strCtx);
        if (!ctx.mapKeyWarned) {
            let jsonStr = JSON.stringify(strKey);
            if (jsonStr.length > 40)
                jsonStr = jsonStr.substring(0, 36) + '..."';
            log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
            ctx.mapKeyWarned = true;
        }
        return strKey;
    }
    return JSON.stringify(jsKey);
}

exports.addPairToJSMap = addPairToJSMap;


/***/ }),

/***/ 1127:
/***/ ((__unused_webpack_module, exports) => {



const ALIAS = Symbol.for('yaml.alias');
const DOC = Symbol.for('yaml.document');
const MAP = Symbol.for('yaml.map');
const PAIR = Symbol.for('yaml.pair');
const SCALAR = Symbol.for('yaml.scalar');
const SEQ = Symbol.for('yaml.seq');
const NODE_TYPE = Symbol.for('yaml.node.type');
const isAlias = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === ALIAS;
const isDocument = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === DOC;
const isMap = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === MAP;
const isPair = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === PAIR;
const isScalar = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === SCALAR;
const isSeq = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === SEQ;
function isCollection(node) {
    if (node && typeof node === 'object')
        switch (node[NODE_TYPE]) {
            case MAP:
            case SEQ:
                return true;
        }
    return false;
}
function isNode(node) {
    if (node && typeof node === 'object')
        switch (node[NODE_TYPE]) {
            case ALIAS:
            case MAP:
            case SCALAR:
            case SEQ:
                return true;
        }
    return false;
}
const hasAnchor = (node) => (isScalar(node) || isCollection(node)) && !!node.anchor;

exports.ALIAS = ALIAS;
exports.DOC = DOC;
exports.MAP = MAP;
exports.NODE_TYPE = NODE_TYPE;
exports.PAIR = PAIR;
exports.SCALAR = SCALAR;
exports.SEQ = SEQ;
exports.hasAnchor = hasAnchor;
exports.isAlias = isAlias;
exports.isCollection = isCollection;
exports.isDocument = isDocument;
exports.isMap = isMap;
exports.isNode = isNode;
exports.isPair = isPair;
exports.isScalar = isScalar;
exports.isSeq = isSeq;


/***/ }),

/***/ 4043:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

/**
 * Recursively convert any node or its contents to native JavaScript
 *
 * @param value - The input value
 * @param arg - If `value` defines a `toJSON()` method, use this
 *   as its first argument
 * @param ctx - Conversion context, originally set in Document#toJS(). If
 *   `{ keep: true }` is not set, output should be suitable for JSON
 *   stringification.
 */
function toJS(value, arg, ctx) {
    // eslint-disable-next-line @typescript-eslint/no-unsafe-return
    if (Array.isArray(value))
        return value.map((v, i) => toJS(v, String(i), ctx));
    if (value && typeof value.toJSON === 'function') {
        // eslint-disable-next-line @typescript-eslint/no-unsafe-call
        if (!ctx || !identity.hasAnchor(value))
            return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: undefined };
        ctx.anchors.set(value, data);
        ctx.onCreate = res => {
            data.res = res;
            delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
            ctx.onCreate(res);
        return res;
    }
    if (typeof value === 'bigint' && !ctx?.keep)
        return Number(value);
    return value;
}

exports.toJS = toJS;


/***/ }),

/***/ 110:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var resolveBlockScalar = __nccwpck_require__(8913);
var resolveFlowScalar = __nccwpck_require__(6842);
var errors = __nccwpck_require__(1464);
var stringifyString = __nccwpck_require__(3069);

function resolveAsScalar(token, strict = true, onError) {
    if (token) {
        const _onError = (pos, code, message) => {
            const offset = typeof pos === 'number' ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
            if (onError)
                onError(offset, code, message);
            else
                throw new errors.YAMLParseError([offset, offset + 1], code, message);
        };
        switch (token.type) {
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
            case 'block-scalar':
                return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
    }
    return null;
}
/**
 * Create a new scalar token with `value`
 *
 * Values that represent an actual string but may be parsed as a different type should use a `type` other than `'PLAIN'`,
 * as this function does not support any schema operations and won't check for such conflicts.
 *
 * @param value The string representation of the value, which will have its content properly indented.
 * @param context.end Comments and whitespace after the end of the value, or after the block scalar header. If undefined, a newline will be added.
 * @param context.implicitKey Being within an implicit key may affect the resolved type of the token's value.
 * @param context.indent The indent level of the token.
 * @param context.inFlow Is this scalar within a flow collection? This may affect the resolved type of the token's value.
 * @param context.offset The offset position of the token.
 * @param context.type The preferred type of the scalar token. If undefined, the previous type of the `token` will be used, defaulting to `'PLAIN'`.
 */
function createScalarToken(value, context) {
    const { implicitKey = false, indent, inFlow = false, offset = -1, type = 'PLAIN' } = context;
    const source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent > 0 ? ' '.repeat(indent) : '',
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
    });
    const end = context.end ?? [
        { type: 'newline', offset: -1, indent, source: '\n' }
    ];
    switch (source[0]) {
        case '|':
        case '>': {
            const he = source.indexOf('\n');
            const head = source.substring(0, he);
            const body = source.substring(he + 1) + '\n';
            const props = [
                { type: 'block-scalar-header', offset, indent, source: head }
            ];
            if (!addEndtoBlockProps(props, end))
                props.push({ type: 'newline', offset: -1, indent, source: '\n' });
            return { type: 'block-scalar', offset, indent, props, source: body };
        }
        case '"':
            return { type: 'double-quoted-scalar', offset, indent, source, end };
        case "'":
            return { type: 'single-quoted-scalar', offset, indent, source, end };
        default:
            return { type: 'scalar', offset, indent, source, end };
    }
}
/**
 * Set the value of `token` to the given string `value`, overwriting any previous contents and type that it may have.
 *
 * Best efforts are made to retain any comments previously associated with the `token`,
 * though all contents within a collection's `items` will be overwritten.
 *
 * Values that represent an actual string but may be parsed as a different type should use a `type` other than `'PLAIN'`,
 * as this function does not support any schema operations and won't check for such conflicts.
 *
 * @param token Any token. If it does not include an `indent` value, the value will be stringified as if it were an implicit key.
 * @param value The string representation of the value, which will have its content properly indented.
 * @param context.afterKey In most cases, values after a key should have an additional level of indentation.
 * @param context.implicitKey Being within an implicit key may affect the resolved type of the token's value.
 * @param context.inFlow Being within a flow collection may affect the resolved type of the token's value.
 * @param context.type The preferred type of the scalar token. If undefined, the previous type of the `token` will be used, defaulting to `'PLAIN'`.
 */
function setScalarValue(token, value, context = {}) {
    let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
    let indent = 'indent' in token ? token.indent : null;
    if (afterKey && typeof indent === 'number')
        indent += 2;
    if (!type)
        switch (token.type) {
            case 'single-quoted-scalar':
                type = 'QUOTE_SINGLE';
                break;
            case 'double-quoted-scalar':
                type = 'QUOTE_DOUBLE';
                break;
            case 'block-scalar': {
                const header = token.props[0];
                if (header.type !== 'block-scalar-header')
                    throw new Error('Invalid block scalar header');
                type = header.source[0] === '>' ? 'BLOCK_FOLDED' : 'BLOCK_LITERAL';
                break;
            }
            default:
                type = 'PLAIN';
        }
    const source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent === null,
        indent: indent !== null && indent > 0 ? ' '.repeat(indent) : '',
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
    });
    switch (source[0]) {
        case '|':
        case '>':
            setBlockScalarValue(token, source);
            break;
        case '"':
            setFlowScalarValue(token, source, 'double-quoted-scalar');
            break;
        case "'":
            setFlowScalarValue(token, source, 'single-quoted-scalar');
            break;
        default:
            setFlowScalarValue(token, source, 'scalar');
    }
}
function setBlockScalarValue(token, source) {
    const he = source.indexOf('\n');
    const head = source.substring(0, he);
    const body = source.substring(he + 1) + '\n';
    if (token.type === 'block-scalar') {
        const header = token.props[0];
        if (header.type !== 'block-scalar-header')
            throw new Error('Invalid block scalar header');
        header.source = head;
        token.source = body;
    }
    else {
        const { offset } = token;
        const indent = 'indent' in token ? token.indent : -1;
        const props = [
            { type: 'block-scalar-header', offset, indent, source: head }
        ];
        if (!addEndtoBlockProps(props, 'end' in token ? token.end : undefined))
            props.push({ type: 'newline', offset: -1, indent, source: '\n' });
        for (const key of Object.keys(token))
            if (key !== 'type' && key !== 'offset')
                delete token[key];
        Object.assign(token, { type: 'block-scalar', indent, props, source: body });
    }
}
/** @returns `true` if last token is a newline */
function addEndtoBlockProps(props, end) {
    if (end)
        for (const st of end)
            switch (st.type) {
                case 'space':
                case 'comment':
                    props.push(st);
                    break;
                case 'newline':
                    props.push(st);
                    return true;
            }
    return false;
}
function setFlowScalarValue(token, source, type) {
    switch (token.type) {
        case 'scalar':
        case 'double-quoted-scalar':
        case 'single-quoted-scalar':
            token.type = type;
            token.source = source;
            break;
        case 'block-scalar': {
            const end = token.props.slice(1);
            let oa = source.length;
            if (token.props[0].type === 'block-scalar-header')
                oa -= token.props[0].source.length;
            for (const tok of end)
                tok.offset += oa;
            delete token.props;
            Object.assign(token, { type, source, end });
            break;
        }
        case 'block-map':
        case 'block-seq': {
            const offset = token.offset + source.length;
            const nl = { type: 'newline', offset, indent: token.indent, source: '\n' };
            delete token.items;
            Object.assign(token, { type, source, end: [nl] });
            break;
        }
        default: {
            const indent = 'indent' in token ? token.indent : -1;
            const end = 'end' in token && Array.isArray(token.end)
                ? token.end.filter(st => st.type === 'space' ||
                    st.type === 'comment' ||
                    st.type === 'newline')
                : [];
            for (const key of Object.keys(token))
                if (key !== 'type' && key !== 'offset')
                    delete token[key];
            Object.assign(token, { type, indent, source, end });
        }
    }
}

exports.createScalarToken = createScalarToken;
exports.resolveAsScalar = resolveAsScalar;
exports.setScalarValue = setScalarValue;


/***/ }),

/***/ 1733:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Stringify a CST document, token, or collection item
 *
 * Fair warning: This applies no validation whatsoever, and
 * simply concatenates the sources in their logical order.
 */
const stringify = (cst) => 'type' in cst ? stringifyToken(cst) : stringifyItem(cst);
function stringifyToken(token) {
    switch (token.type) {
        case 'block-scalar': {
            let res = '';
            for (const tok of token.props)
                res += stringifyToken(tok);
            return res + token.source;
        }
        case 'block-map':
        case 'block-seq': {
            let res = '';
            for (const item of token.items)
                res += stringifyItem(item);
            return res;
        }
        case 'flow-collection': {
            let res = token.start.source;
            for (const item of token.items)
                res += stringifyItem(item);
            for (const st of token.end)
                res += st.source;
            return res;
        }
        case 'document': {
            let res = stringifyItem(token);
            if (token.end)
                for (const st of token.end)
                    res += st.source;
            return res;
        }
        default: {
            let res = token.source;
            if ('end' in token && token.end)
                for (const st of token.end)
                    res += st.source;
            return res;
        }
    }
}
function stringifyItem({ start, key, sep, value }) {
    let res = '';
    for (const st of start)
        res += st.source;
    if (key)
        res += stringifyToken(key);
    if (sep)
        for (const st of sep)
            res += st.source;
    if (value)
        res += stringifyToken(value);
    return res;
}

exports.stringify = stringify;


/***/ }),

/***/ 7715:
/***/ ((__unused_webpack_module, exports) => {



const BREAK = Symbol('break visit');
const SKIP = Symbol('skip children');
const REMOVE = Symbol('remove item');
/**
 * Apply a visitor to a CST document or item.
 *
 * Walks through the tree (depth-first) starting from the root, calling a
 * `visitor` function with two arguments when entering each item:
 *   - `item`: The current item, which included the following members:
 *     - `start: SourceToken[]` – Source tokens before the key or value,
 *       possibly including its anchor or tag.
 *     - `key?: Token | null` – Set for pair values. May then be `null`, if
 *       the key before the `:` separator is empty.
 *     - `sep?: SourceToken[]` – Source tokens between the key and the value,
 *       which should include the `:` map value indicator if `value` is set.
 *     - `value?: Token` – The value of a sequence item, or of a map pair.
 *   - `path`: The steps from the root to the current node, as an array of
 *     `['key' | 'value', number]` tuples.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this token, continue with
 *      next sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current item, then continue with the next one
 *   - `number`: Set the index of the next step. This is useful especially if
 *     the index of the current token has changed.
 *   - `function`: Define the next visitor for this item. After the original
 *     visitor is called on item entry, next visitors are called after handling
 *     a non-empty `key` and when exiting the item.
 */
function visit(cst, visitor) {
    if ('type' in cst && cst.type === 'document')
        cst = { start: cst.start, value: cst.value };
    _visit(Object.freeze([]), cst, visitor);
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visit.BREAK = BREAK;
/** Do not visit the children of the current item */
visit.SKIP = SKIP;
/** Remove the current item */
visit.REMOVE = REMOVE;
/** Find the item at `path` from `cst` as the root */
visit.itemAtPath = (cst, path) => {
    let item = cst;
    for (const [field, index] of path) {
        const tok = item?.[field];
        if (tok && 'items' in tok) {
            item = tok.items[index];
        }
        else
            return undefined;
    }
    return item;
};
/**
 * Get the immediate parent collection of the item at `path` from `cst` as the root.
 *
 * Throws an error if the collection is not found, which should never happen if the item itself exists.
 */
visit.parentCollection = (cst, path) => {
    const parent = visit.itemAtPath(cst, path.slice(0, -1));
    const field = path[path.length - 1][0];
    const coll = parent?.[field];
    if (coll && 'items' in coll)
        return coll;
    throw new Error('Parent collection not found');
};
function _visit(path, item, visitor) {
    let ctrl = visitor(item, path);
    if (typeof ctrl === 'symbol')
        return ctrl;
    for (const field of ['key', 'value']) {
        const token = item[field];
        if (token && 'items' in token) {
            for (let i = 0; i < token.items.length; ++i) {
                const ci = _visit(Object.freeze(path.concat([[field, i]])), token.items[i], visitor);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    token.items.splice(i, 1);
                    i -= 1;
                }
            }
            if (typeof ctrl === 'function' && field === 'key')
                ctrl = ctrl(item, path);
        }
    }
    return typeof ctrl === 'function' ? ctrl(item, path) : ctrl;
}

exports.visit = visit;


/***/ }),

/***/ 3461:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var cstScalar = __nccwpck_require__(110);
var cstStringify = __nccwpck_require__(1733);
var cstVisit = __nccwpck_require__(7715);

/** The byte order mark */
const BOM = '\u{FEFF}';
/** Start of doc-mode */
const DOCUMENT = '\x02'; // C0: Start of Text
/** Unexpected end of flow-mode */
const FLOW_END = '\x18'; // C0: Cancel
/** Next token is a scalar value */
const SCALAR = '\x1f'; // C0: Unit Separator
/** @returns `true` if `token` is a flow or block collection */
const isCollection = (token) => !!token && 'items' in token;
/** @returns `true` if `token` is a flow or block scalar; not an alias */
const isScalar = (token) => !!token &&
    (token.type === 'scalar' ||
        token.type === 'single-quoted-scalar' ||
        token.type === 'double-quoted-scalar' ||
        token.type === 'block-scalar');
/* istanbul ignore next */
/** Get a printable representation of a lexer token */
function prettyToken(token) {
    switch (token) {
        case BOM:
            return '<BOM>';
        case DOCUMENT:
            return '<DOC>';
        case FLOW_END:
            return '<FLOW_END>';
        case SCALAR:
            return '<SCALAR>';
        default:
            return JSON.stringify(token);
    }
}
/** Identify the type of a lexer token. May return `null` for unknown tokens. */
function tokenType(source) {
    switch (source) {
        case BOM:
            return 'byte-order-mark';
        case DOCUMENT:
            return 'doc-mode';
        case FLOW_END:
            return 'flow-error-end';
        case SCALAR:
            return 'scalar';
        case '---':
            return 'doc-start';
        case '...':
            return 'doc-end';
        case '':
        case '\n':
        case '\r\n':
            return 'newline';
        case '-':
            return 'seq-item-ind';
        case '?':
            return 'explicit-key-ind';
        case ':':
            return 'map-value-ind';
        case '{':
            return 'flow-map-start';
        case '}':
            return 'flow-map-end';
        case '[':
            return 'flow-seq-start';
        case ']':
            return 'flow-seq-end';
        case ',':
            return 'comma';
    }
    switch (source[0]) {
        case ' ':
        case '\t':
            return 'space';
        case '#':
            return 'comment';
        case '%':
            return 'directive-line';
        case '*':
            return 'alias';
        case '&':
            return 'anchor';
        case '!':
            return 'tag';
        case "'":
            return 'single-quoted-scalar';
        case '"':
            return 'double-quoted-scalar';
        case '|':
        case '>':
            return 'block-scalar-header';
    }
    return null;
}

exports.createScalarToken = cstScalar.createScalarToken;
exports.resolveAsScalar = cstScalar.resolveAsScalar;
exports.setScalarValue = cstScalar.setScalarValue;
exports.stringify = cstStringify.stringify;
exports.visit = cstVisit.visit;
exports.BOM = BOM;
exports.DOCUMENT = DOCUMENT;
exports.FLOW_END = FLOW_END;
exports.SCALAR = SCALAR;
exports.isCollection = isCollection;
exports.isScalar = isScalar;
exports.prettyToken = prettyToken;
exports.tokenType = tokenType;


/***/ }),

/***/ 361:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var cst = __nccwpck_require__(3461);

/*
START -> stream

stream
  directive -> line-end -> stream
  indent + line-end -> stream
  [else] -> line-start

line-end
  comment -> line-end
  newline -> .
  input-end -> END

line-start
  doc-start -> doc
  doc-end -> stream
  [else] -> indent -> block-start

block-start
  seq-item-start -> block-start
  explicit-key-start -> block-start
  map-value-start -> block-start
  [else] -> doc

doc
  line-end -> line-start
  spaces -> doc
  anchor -> doc
  tag -> doc
  flow-start -> flow -> doc
  flow-end -> error -> doc
  seq-item-start -> error -> doc
  explicit-key-start -> error -> doc
  map-value-start -> doc
  alias -> doc
  quote-start -> quoted-scalar -> doc
  block-scalar-header -> line-end -> block-scalar(min) -> line-start
  [else] -> plain-scalar(false, min) -> doc

flow
  line-end -> flow
  spaces -> flow
  anchor -> flow
  tag -> flow
  flow-start -> flow -> flow
  flow-end -> .
  seq-item-start -> error -> flow
  explicit-key-start -> flow
  map-value-start -> flow
  alias -> flow
  quote-start -> quoted-scalar -> flow
  comma -> flow
  [else] -> plain-scalar(true, 0) -> flow

quoted-scalar
  quote-end -> .
  [else] -> quoted-scalar

block-scalar(min)
  newline + peek(indent < min) -> .
  [else] -> block-scalar(min)

plain-scalar(is-flow, min)
  scalar-end(is-flow) -> .
  peek(newline + (indent < min)) -> .
  [else] -> plain-scalar(min)
*/
function isEmpty(ch) {
    switch (ch) {
        case undefined:
        case ' ':
        case '\n':
        case '\r':
        case '\t':
            return true;
        default:
            return false;
    }
}
const hexDigits = new Set('0123456789ABCDEFabcdef');
const tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
const flowIndicatorChars = new Set(',[]{}');
const invalidAnchorChars = new Set(' ,[]{}\n\r\t');
const isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
/**
 * Splits an input string into lexical tokens, i.e. smaller strings that are
 * easily identifiable by `tokens.tokenType()`.
 *
 * Lexing starts always in a "stream" context. Incomplete input may be buffered
 * until a complete token can be emitted.
 *
 * In addition to slices of the original input, the following control characters
 * may also be emitted:
 *
 * - `\x02` (Start of Text): A document starts with the next token
 * - `\x18` (Cancel): Unexpected end of flow-mode (indicates an error)
 * - `\x1f` (Unit Separator): Next token is a scalar value
 * - `\u{FEFF}` (Byte order mark): Emitted separately outside documents
 */
class Lexer {
    constructor() {
        /**
         * Flag indicating whether the end of the current buffer marks the end of
         * all input
         */
        this.atEnd = false;
        /**
         * Explicit indent set in block scalar header, as an offset from the current
         * minimum indent, so e.g. set to 1 from a header `|2+`. Set to -1 if not
         * explicitly set.
         */
        this.blockScalarIndent = -1;
        /**
         * Block scalars that include a + (keep) chomping indicator in their header
         * include trailing empty lines, which are otherwise excluded from the
         * scalar's contents.
         */
        this.blockScalarKeep = false;
        /** Current input */
        this.buffer = '';
        /**
         * Flag noting whether the map value indicator : can immediately follow this
         * node within a flow context.
         */
        this.flowKey = false;
        /** Count of surrounding flow collection levels. */
        this.flowLevel = 0;
        /**
         * Minimum level of indentation required for next lines to be parsed as a
         * part of the current scalar value.
         */
        this.indentNext = 0;
        /** Indentation level of the current line. */
        this.indentValue = 0;
        /** Position of the next \n character. */
        this.lineEndPos = null;
        /** Stores the state of the lexer if reaching the end of incpomplete input */
        this.next = null;
        /** A pointer to `buffer`; the current position of the lexer. */
        this.pos = 0;
    }
    /**
     * Generate YAML tokens from the `source` string. If `incomplete`,
     * a part of the last line may be left as a buffer for the next call.
     *
     * @returns A generator of lexical tokens
     */
    *lex(source, incomplete = false) {
        if (source) {
            if (typeof source !== 'string')
                throw TypeError('source is not a string');
            this.buffer = this.buffer ? this.buffer + source : source;
            this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? 'stream';
        while (next && (incomplete || this.hasChars(1)))
            next = yield* this.parseNext(next);
    }
    atLineEnd() {
        let i = this.pos;
        let ch = this.buffer[i];
        while (ch === ' ' || ch === '\t')
            ch = this.buffer[++i];
        if (!ch || ch === '#' || ch === '\n')
            return true;
        if (ch === '\r')
            return this.buffer[i + 1] === '\n';
        return false;
    }
    charAt(n) {
        return this.buffer[this.pos + n];
    }
    continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
            let indent = 0;
            while (ch === ' ')
                ch = this.buffer[++indent + offset];
            if (ch === '\r') {
                const next = this.buffer[indent + offset + 1];
                if (next === '\n' || (!next && !this.atEnd))
                    return offset + indent + 1;
            }
            return ch === '\n' || indent >= this.indentNext || (!ch && !this.atEnd)
                ? offset + indent
                : -1;
        }
        if (ch === '-' || ch === '.') {
            const dt = this.buffer.substr(offset, 3);
            if ((dt === '---' || dt === '...') && isEmpty(this.buffer[offset + 3]))
                return -1;
        }
        return offset;
    }
    getLine() {
        let end = this.lineEndPos;
        if (typeof end !== 'number' || (end !== -1 && end < this.pos)) {
            end = this.buffer.indexOf('\n', this.pos);
            this.lineEndPos = end;
        }
        if (end === -1)
            return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === '\r')
            end -= 1;
        return this.buffer.substring(this.pos, end);
    }
    hasChars(n) {
        return this.pos + n <= this.buffer.length;
    }
    setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
    }
    peek(n) {
        return this.buffer.substr(this.pos, n);
    }
    *parseNext(next) {
        switch (next) {
            case 'stream':
                return yield* this.parseStream();
            case 'line-start':
                return yield* this.parseLineStart();
            case 'block-start':
                return yield* this.parseBlockStart();
            case 'doc':
                return yield* this.parseDocument();
            case 'flow':
                return yield* this.parseFlowCollection();
            case 'quoted-scalar':
                return yield* this.parseQuotedScalar();
            case 'block-scalar':
                return yield* this.parseBlockScalar();
            case 'plain-scalar':
                return yield* this.parsePlainScalar();
        }
    }
    *parseStream() {
        let line = this.getLine();
        if (line === null)
            return this.setNext('stream');
        if (line[0] === cst.BOM) {
            yield* this.pushCount(1);
            line = line.substring(1);
        }
        if (line[0] === '%') {
            let dirEnd = line.length;
            let cs = line.indexOf('#');
            while (cs !== -1) {
                const ch = line[cs - 1];
                if (ch === ' ' || ch === '\t') {
                    dirEnd = cs - 1;
                    break;
                }
                else {
                    cs = line.indexOf('#', cs + 1);
                }
            }
            while (true) {
                const ch = line[dirEnd - 1];
                if (ch === ' ' || ch === '\t')
                    dirEnd -= 1;
                else
                    break;
            }
            const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
            yield* this.pushCount(line.length - n); // possible comment
            this.pushNewline();
            return 'stream';
        }
        if (this.atLineEnd()) {
            const sp = yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - sp);
            yield* this.pushNewline();
            return 'stream';
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
    }
    *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
            return this.setNext('line-start');
        if (ch === '-' || ch === '.') {
            if (!this.atEnd && !this.hasChars(4))
                return this.setNext('line-start');
            const s = this.peek(3);
            if ((s === '---' || s === '...') && isEmpty(this.charAt(3))) {
                yield* this.pushCount(3);
                this.indentValue = 0;
                this.indentNext = 0;
                return s === '---' ? 'doc' : 'stream';
            }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
            this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
    }
    *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
            return this.setNext('block-start');
        if ((ch0 === '-' || ch0 === '?' || ch0 === ':') && isEmpty(ch1)) {
            const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
            this.indentNext = this.indentValue + 1;
            this.indentValue += n;
            return 'block-start';
        }
        return 'doc';
    }
    *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
            return this.setNext('doc');
        let n = yield* this.pushIndicators();
        switch (line[n]) {
            case '#':
                yield* this.pushCount(line.length - n);
            // fallthrough
            case undefined:
                yield* this.pushNewline();
                return yield* this.parseLineStart();
            case '{':
            case '[':
                yield* this.pushCount(1);
                this.flowKey = false;
                this.flowLevel = 1;
                return 'flow';
            case '}':
            case ']':
                // this is an error
                yield* this.pushCount(1);
                return 'doc';
            case '*':
                yield* this.pushUntil(isNotAnchorChar);
                return 'doc';
            case '"':
            case "'":
                return yield* this.parseQuotedScalar();
            case '|':
            case '>':
                n += yield* this.parseBlockScalarHeader();
                n += yield* this.pushSpaces(true);
                yield* this.pushCount(line.length - n);
                yield* this.pushNewline();
                return yield* this.parseBlockScalar();
            default:
                return yield* this.parsePlainScalar();
        }
    }
    *parseFlowCollection() {
        let nl, sp;
        let indent = -1;
        do {
            nl = yield* this.pushNewline();
            if (nl > 0) {
                sp = yield* this.pushSpaces(false);
                this.indentValue = indent = sp;
            }
            else {
                sp = 0;
            }
            sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line = this.getLine();
        if (line === null)
            return this.setNext('flow');
        if ((indent !== -1 && indent < this.indentNext && line[0] !== '#') ||
            (indent === 0 &&
                (line.startsWith('---') || line.startsWith('...')) &&
                isEmpty(line[3]))) {
            // Allowing for the terminal ] or } at the same (rather than greater)
            // indent level as the initial [ or { is technically invalid, but
            // failing here would be surprising to users.
            const atFlowEndMarker = indent === this.indentNext - 1 &&
                this.flowLevel === 1 &&
                (line[0] === ']' || line[0] === '}');
            if (!atFlowEndMarker) {
                // this is an error
                this.flowLevel = 0;
                yield cst.FLOW_END;
                return yield* this.parseLineStart();
            }
        }
        let n = 0;
        while (line[n] === ',') {
            n += yield* this.pushCount(1);
            n += yield* this.pushSpaces(true);
            this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line[n]) {
            case undefined:
                return 'flow';
            case '#':
                yield* this.pushCount(line.length - n);
                return 'flow';
            case '{':
            case '[':
                yield* this.pushCount(1);
                this.flowKey = false;
                this.flowLevel += 1;
                return 'flow';
            case '}':
            case ']':
                yield* this.pushCount(1);
                this.flowKey = true;
                this.flowLevel -= 1;
                return this.flowLevel ? 'flow' : 'doc';
            case '*':
                yield* this.pushUntil(isNotAnchorChar);
                return 'flow';
            case '"':
            case "'":
                this.flowKey = true;
                return yield* this.parseQuotedScalar();
            case ':': {
                const next = this.charAt(1);
                if (this.flowKey || isEmpty(next) || next === ',') {
                    this.flowKey = false;
                    yield* this.pushCount(1);
                    yield* this.pushSpaces(true);
                    return 'flow';
                }
            }
            // fallthrough
            default:
                this.flowKey = false;
                return yield* this.parsePlainScalar();
        }
    }
    *parseQuotedScalar() {
        const quote = this.charAt(0);
        let end = this.buffer.indexOf(quote, this.pos + 1);
        if (quote === "'") {
            while (end !== -1 && this.buffer[end + 1] === "'")
                end = this.buffer.indexOf("'", end + 2);
        }
        else {
            // double-quote
            while (end !== -1) {
                let n = 0;
                while (this.buffer[end - 1 - n] === '\\')
                    n += 1;
                if (n % 2 === 0)
                    break;
                end = this.buffer.indexOf('"', end + 1);
            }
        }
        // Only looking for newlines within the quotes
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf('\n', this.pos);
        if (nl !== -1) {
            while (nl !== -1) {
                const cs = this.continueScalar(nl + 1);
                if (cs === -1)
                    break;
                nl = qb.indexOf('\n', cs);
            }
            if (nl !== -1) {
                // this is an error caused by an unexpected unindent
                end = nl - (qb[nl - 1] === '\r' ? 2 : 1);
            }
        }
        if (end === -1) {
            if (!this.atEnd)
                return this.setNext('quoted-scalar');
            end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? 'flow' : 'doc';
    }
    *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i = this.pos;
        while (true) {
            const ch = this.buffer[++i];
            if (ch === '+')
                this.blockScalarKeep = true;
            else if (ch > '0' && ch <= '9')
                this.blockScalarIndent = Number(ch) - 1;
            else if (ch !== '-')
                break;
        }
        return yield* this.pushUntil(ch => isEmpty(ch) || ch === '#');
    }
    *parseBlockScalar() {
        let nl = this.pos - 1; // may be -1 if this.pos === 0
        let indent = 0;
        let ch;
        loop: for (let i = this.pos; (ch = this.buffer[i]); ++i) {
            switch (ch) {
                case ' ':
                    indent += 1;
                    break;
                case '\n':
                    nl = i;
                    indent = 0;
                    break;
                case '\r': {
                    const next = this.buffer[i + 1];
                    if (!next && !this.atEnd)
                        return this.setNext('block-scalar');
                    if (next === '\n')
                        break;
                } // fallthrough
                default:
                    break loop;
            }
        }
        if (!ch && !this.atEnd)
            return this.setNext('block-scalar');
        if (indent >= this.indentNext) {
            if (this.blockScalarIndent === -1)
                this.indentNext = indent;
            else {
                this.indentNext =
                    this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
            }
            do {
                const cs = this.continueScalar(nl + 1);
                if (cs === -1)
                    break;
                nl = this.buffer.indexOf('\n', cs);
            } while (nl !== -1);
            if (nl === -1) {
                if (!this.atEnd)
                    return this.setNext('block-scalar');
                nl = this.buffer.length;
            }
        }
        // Trailing insufficiently indented tabs are invalid.
        // To catch that during parsing, we include them in the block scalar value.
        let i = nl + 1;
        ch = this.buffer[i];
        while (ch === ' ')
            ch = this.buffer[++i];
        if (ch === '\t') {
            while (ch === '\t' || ch === ' ' || ch === '\r' || ch === '\n')
                ch = this.buffer[++i];
            nl = i - 1;
        }
        else if (!this.blockScalarKeep) {
            do {
                let i = nl - 1;
                let ch = this.buffer[i];
                if (ch === '\r')
                    ch = this.buffer[--i];
                const lastChar = i; // Drop the line if last char not more indented
                while (ch === ' ')
                    ch = this.buffer[--i];
                if (ch === '\n' && i >= this.pos && i + 1 + indent > lastChar)
                    nl = i;
                else
                    break;
            } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl + 1, true);
        return yield* this.parseLineStart();
    }
    *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i = this.pos - 1;
        let ch;
        while ((ch = this.buffer[++i])) {
            if (ch === ':') {
                const next = this.buffer[i + 1];
                if (isEmpty(next) || (inFlow && flowIndicatorChars.has(next)))
                    break;
                end = i;
            }
            else if (isEmpty(ch)) {
                let next = this.buffer[i + 1];
                if (ch === '\r') {
                    if (next === '\n') {
                        i += 1;
                        ch = '\n';
                        next = this.buffer[i + 1];
                    }
                    else
                        end = i;
                }
                if (next === '#' || (inFlow && flowIndicatorChars.has(next)))
                    break;
                if (ch === '\n') {
                    const cs = this.continueScalar(i + 1);
                    if (cs === -1)
                        break;
                    i = Math.max(i, cs - 2); // to advance, but still account for ' #'
                }
            }
            else {
                if (inFlow && flowIndicatorChars.has(ch))
                    break;
                end = i;
            }
        }
        if (!ch && !this.atEnd)
            return this.setNext('plain-scalar');
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? 'flow' : 'doc';
    }
    *pushCount(n) {
        if (n > 0) {
            yield this.buffer.substr(this.pos, n);
            this.pos += n;
            return n;
        }
        return 0;
    }
    *pushToIndex(i, allowEmpty) {
        const s = this.buffer.slice(this.pos, i);
        if (s) {
            yield s;
            this.pos += s.length;
            return s.length;
        }
        else if (allowEmpty)
            yield '';
        return 0;
    }
    *pushIndicators() {
        let n = 0;
        loop: while (true) {
            switch (this.charAt(0)) {
                case '!':
                    n += yield* this.pushTag();
                    n += yield* this.pushSpaces(true);
                    continue loop;
                case '&':
                    n += yield* this.pushUntil(isNotAnchorChar);
                    n += yield* this.pushSpaces(true);
                    continue loop;
                case '-': // this is an error
                case '?': // this is an error outside flow collections
                case ':': {
                    const inFlow = this.flowLevel > 0;
                    const ch1 = this.charAt(1);
                    if (isEmpty(ch1) || (inFlow && flowIndicatorChars.has(ch1))) {
                        if (!inFlow)
                            this.indentNext = this.indentValue + 1;
                        else if (this.flowKey)
                            this.flowKey = false;
                        n += yield* this.pushCount(1);
                        n += yield* this.pushSpaces(true);
                        continue loop;
                    }
                }
            }
            break loop;
        }
        return n;
    }
    *pushTag() {
        if (this.charAt(1) === '<') {
            let i = this.pos + 2;
            let ch = this.buffer[i];
            while (!isEmpty(ch) && ch !== '>')
                ch = this.buffer[++i];
            return yield* this.pushToIndex(ch === '>' ? i + 1 : i, false);
        }
        else {
            let i = this.pos + 1;
            let ch = this.buffer[i];
            while (ch) {
                if (tagChars.has(ch))
                    ch = this.buffer[++i];
                else if (ch === '%' &&
                    hexDigits.has(this.buffer[i + 1]) &&
                    hexDigits.has(this.buffer[i + 2])) {
                    ch = this.buffer[(i += 3)];
                }
                else
                    break;
            }
            return yield* this.pushToIndex(i, false);
        }
    }
    *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === '\n')
            return yield* this.pushCount(1);
        else if (ch === '\r' && this.charAt(1) === '\n')
            return yield* this.pushCount(2);
        else
            return 0;
    }
    *pushSpaces(allowTabs) {
        let i = this.pos - 1;
        let ch;
        do {
            ch = this.buffer[++i];
        } while (ch === ' ' || (allowTabs && ch === '\t'));
        const n = i - this.pos;
        if (n > 0) {
            yield this.buffer.substr(this.pos, n);
            this.pos = i;
        }
        return n;
    }
    *pushUntil(test) {
        let i = this.pos;
        let ch = this.buffer[i];
        while (!test(ch))
            ch = this.buffer[++i];
        return yield* this.pushToIndex(i, false);
    }
}

exports.Lexer = Lexer;


/***/ }),

/***/ 6628:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Tracks newlines during parsing in order to provide an efficient API for
 * determining the one-indexed `{ line, col }` position for any offset
 * within the input.
 */
class LineCounter {
    constructor() {
        this.lineStarts = [];
        /**
         * Should be called in ascending order. Otherwise, call
         * `lineCounter.lineStarts.sort()` before calling `linePos()`.
         */
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        /**
         * Performs a binary search and returns the 1-indexed { line, col }
         * position of `offset`. If `line === 0`, `addNewLine` has never been
         * called or `offset` is before the first known newline.
         */
        this.linePos = (offset) => {
            let low = 0;
            let high = this.lineStarts.length;
            while (low < high) {
                const mid = (low + high) >> 1; // Math.floor((low + high) / 2)
                if (this.lineStarts[mid] < offset)
                    low = mid + 1;
                else
                    high = mid;
            }
            if (this.lineStarts[low] === offset)
                return { line: low + 1, col: 1 };
            if (low === 0)
                return { line: 0, col: offset };
            const start = this.lineStarts[low - 1];
            return { line: low, col: offset - start + 1 };
        };
    }
}

exports.LineCounter = LineCounter;


/***/ }),

/***/ 3456:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);
var cst = __nccwpck_require__(3461);
var lexer = __nccwpck_require__(361);

function includesToken(list, type) {
    for (let i = 0; i < list.length; ++i)
        if (list[i].type === type)
            return true;
    return false;
}
function findNonEmptyIndex(list) {
    for (let i = 0; i < list.length; ++i) {
        switch (list[i].type) {
            case 'space':
            case 'comment':
            case 'newline':
                break;
            default:
                return i;
        }
    }
    return -1;
}
function isFlowToken(token) {
    switch (token?.type) {
        case 'alias':
        case 'scalar':
        case 'single-quoted-scalar':
        case 'double-quoted-scalar':
        case 'flow-collection':
            return true;
        default:
            return false;
    }
}
function getPrevProps(parent) {
    switch (parent.type) {
        case 'document':
            return parent.start;
        case 'block-map': {
            const it = parent.items[parent.items.length - 1];
            return it.sep ?? it.start;
        }
        case 'block-seq':
            return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
            return [];
    }
}
/** Note: May modify input array */
function getFirstKeyStartProps(prev) {
    if (prev.length === 0)
        return [];
    let i = prev.length;
    loop: while (--i >= 0) {
        switch (prev[i].type) {
            case 'doc-start':
            case 'explicit-key-ind':
            case 'map-value-ind':
            case 'seq-item-ind':
            case 'newline':
                break loop;
        }
    }
    while (prev[++i]?.type === 'space') {
        /* loop */
    }
    return prev.splice(i, prev.length);
}
function arrayPushArray(target, source) {
    // May exhaust call stack with large `source` array
    if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
    else
        for (let i = 0; i < source.length; ++i)
            target.push(source[i]);
}
function fixFlowSeqItems(fc) {
    if (fc.start.type === 'flow-seq-start') {
        for (const it of fc.items) {
            if (it.sep &&
                !it.value &&
                !includesToken(it.start, 'explicit-key-ind') &&
                !includesToken(it.sep, 'map-value-ind')) {
                if (it.key)
                    it.value = it.key;
                delete it.key;
                if (isFlowToken(it.value)) {
                    if (it.value.end)
                        arrayPushArray(it.value.end, it.sep);
                    else
                        it.value.end = it.sep;
                }
                else
                    arrayPushArray(it.start, it.sep);
                delete it.sep;
            }
        }
    }
}
/**
 * A YAML concrete syntax tree (CST) parser
 *
 * ```ts
 * const src: string = ...
 * for (const token of new Parser().parse(src)) {
 *   // token: Token
 * }
 * ```
 *
 * To use the parser with a user-provided lexer:
 *
 * ```ts
 * function* parse(source: string, lexer: Lexer) {
 *   const parser = new Parser()
 *   for (const lexeme of lexer.lex(source))
 *     yield* parser.next(lexeme)
 *   yield* parser.end()
 * }
 *
 * const src: string = ...
 * const lexer = new Lexer()
 * for (const token of parse(src, lexer)) {
 *   // token: Token
 * }
 * ```
 */
class Parser {
    /**
     * @param onNewLine - If defined, called separately with the start position of
     *   each new line (in `parse()`, including the start of input).
     */
    constructor(onNewLine) {
        /** If true, space and sequence indicators count as indentation */
        this.atNewLine = true;
        /** If true, next token is a scalar value */
        this.atScalar = false;
        /** Current indentation level */
        this.indent = 0;
        /** Current offset since the start of parsing */
        this.offset = 0;
        /** On the same line with a block map key */
        this.onKeyLine = false;
        /** Top indicates the node that's currently being built */
        this.stack = [];
        /** The source of the current token, set in parse() */
        this.source = '';
        /** The type of the current token, set in parse() */
        this.type = '';
        // Must be defined after `next()`
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
    }
    /**
     * Parse `source` as a YAML stream.
     * If `incomplete`, a part of the last line may be left as a buffer for the next call.
     *
     * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
     *
     * @returns A generator of tokens representing each directive, document, and other structure.
     */
    *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
            this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
            yield* this.next(lexeme);
        if (!incomplete)
            yield* this.end();
    }
    /**
     * Advance the parser by the `source` of one lexical token.
     */
    *next(source) {
        this.source = source;
        if (node_process.env.LOG_TOKENS)
            console.log('|', cst.prettyToken(source));
        if (this.atScalar) {
            this.atScalar = false;
            yield* this.step();
            this.offset += source.length;
            return;
        }
        const type = cst.tokenType(source);
        if (!type) {
            const message = `Not a YAML token: ${source}`;
            yield* this.pop({ type: 'error', offset: this.offset, message, source });
            this.offset += source.length;
        }
        else if (type === 'scalar') {
            this.atNewLine = false;
            this.atScalar = true;
            this.type = 'scalar';
        }
        else {
            this.type = type;
            yield* this.step();
            switch (type) {
                case 'newline':
                    this.atNewLine = true;
                    this.indent = 0;
                    if (this.onNewLine)
                        this.onNewLine(this.offset + source.length);
                    break;
                case 'space':
                    if (this.atNewLine && source[0] === ' ')
                        this.indent += source.length;
                    break;
                case 'explicit-key-ind':
                case 'map-value-ind':
                case 'seq-item-ind':
                    if (this.atNewLine)
                        this.indent += source.length;
                    break;
                case 'doc-mode':
                case 'flow-error-end':
                    return;
                default:
                    this.atNewLine = false;
            }
            this.offset += source.length;
        }
    }
    /** Call at end of input to push out any remaining constructions */
    *end() {
        while (this.stack.length > 0)
            yield* this.pop();
    }
    get sourceToken() {
        const st = {
            type: this.type,
            offset: this.offset,
            indent: this.indent,
            source: this.source
        };
        return st;
    }
    *step() {
        const top = this.peek(1);
        if (this.type === 'doc-end' && top?.type !== 'doc-end') {
            while (this.stack.length > 0)
                yield* this.pop();
            this.stack.push({
                type: 'doc-end',
                offset: this.offset,
                source: this.source
            });
            return;
        }
        if (!top)
            return yield* this.stream();
        switch (top.type) {
            case 'document':
                return yield* this.document(top);
            case 'alias':
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return yield* this.scalar(top);
            case 'block-scalar':
                return yield* this.blockScalar(top);
            case 'block-map':
                return yield* this.blockMap(top);
            case 'block-seq':
                return yield* this.blockSequence(top);
            case 'flow-collection':
                return yield* this.flowCollection(top);
            case 'doc-end':
                return yield* this.documentEnd(top);
        }
        /* istanbul ignore next should not happen */
        yield* this.pop();
    }
    peek(n) {
        return this.stack[this.stack.length - n];
    }
    *pop(error) {
        const token = error ?? this.stack.pop();
        /* istanbul ignore if should not happen */
        if (!token) {
            const message = 'Tried to pop an empty stack';
            yield { type: 'error', offset: this.offset, source: '', message };
        }
        else if (this.stack.length === 0) {
            yield token;
        }
        else {
            const top = this.peek(1);
            if (token.type === 'block-scalar') {
                // Block scalars use their parent rather than header indent
                token.indent = 'indent' in top ? top.indent : 0;
            }
            else if (token.type === 'flow-collection' && top.type === 'document') {
                // Ignore all indent for top-level flow collections
                token.indent = 0;
            }
            if (token.type === 'flow-collection')
                fixFlowSeqItems(token);
            switch (top.type) {
                case 'document':
                    top.value = token;
                    break;
                case 'block-scalar':
                    top.props.push(token); // error
                    break;
                case 'block-map': {
                    const it = top.items[top.items.length - 1];
                    if (it.value) {
                        top.items.push({ start: [], key: token, sep: [] });
                        this.onKeyLine = true;
                        return;
                    }
                    else if (it.sep) {
                        it.value = token;
                    }
                    else {
                        Object.assign(it, { key: token, sep: [] });
                        this.onKeyLine = !it.explicitKey;
                        return;
                    }
                    break;
                }
                case 'block-seq': {
                    const it = top.items[top.items.length - 1];
                    if (it.value)
                        top.items.push({ start: [], value: token });
                    else
                        it.value = token;
                    break;
                }
                case 'flow-collection': {
                    const it = top.items[top.items.length - 1];
                    if (!it || it.value)
                        top.items.push({ start: [], key: token, sep: [] });
                    else if (it.sep)
                        it.value = token;
                    else
                        Object.assign(it, { key: token, sep: [] });
                    return;
                }
                /* istanbul ignore next should not happen */
                default:
                    yield* this.pop();
                    yield* this.pop(token);
            }
            if ((top.type === 'document' ||
                top.type === 'block-map' ||
                top.type === 'block-seq') &&
                (token.type === 'block-map' || token.type === 'block-seq')) {
                const last = token.items[token.items.length - 1];
                if (last &&
                    !last.sep &&
                    !last.value &&
                    last.start.length > 0 &&
                    findNonEmptyIndex(last.start) === -1 &&
                    (token.indent === 0 ||
                        last.start.every(st => st.type !== 'comment' || st.indent < token.indent))) {
                    if (top.type === 'document')
                        top.end = last.start;
                    else
                        top.items.push({ start: last.start });
                    token.items.splice(-1, 1);
                }
            }
        }
    }
    *stream() {
        switch (this.type) {
            case 'directive-line':
                yield { type: 'directive', offset: this.offset, source: this.source };
                return;
            case 'byte-order-mark':
            case 'space':
            case 'comment':
            case 'newline':
                yield this.sourceToken;
                return;
            case 'doc-mode':
            case 'doc-start': {
                const doc = {
                    type: 'document',
                    offset: this.offset,
                    start: []
                };
                if (this.type === 'doc-start')
                    doc.start.push(this.sourceToken);
                this.stack.push(doc);
                return;
            }
        }
        yield {
            type: 'error',
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML stream`,
            source: this.source
        };
    }
    *document(doc) {
        if (doc.value)
            return yield* this.lineEnd(doc);
        switch (this.type) {
            case 'doc-start': {
                if (findNonEmptyIndex(doc.start) !== -1) {
                    yield* this.pop();
                    yield* this.step();
                }
                else
                    doc.start.push(this.sourceToken);
                return;
            }
            case 'anchor':
            case 'tag':
            case 'space':
            case 'comment':
            case 'newline':
                doc.start.push(this.sourceToken);
                return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
            this.stack.push(bv);
        else {
            yield {
                type: 'error',
                offset: this.offset,
                message: `Unexpected ${this.type} token in YAML document`,
                source: this.source
            };
        }
    }
    *scalar(scalar) {
        if (this.type === 'map-value-ind') {
            const prev = getPrevProps(this.peek(2));
            const start = getFirstKeyStartProps(prev);
            let sep;
            if (scalar.end) {
                sep = scalar.end;
                sep.push(this.sourceToken);
                delete scalar.end;
            }
            else
                sep = [this.sourceToken];
            const map = {
                type: 'block-map',
                offset: scalar.offset,
                indent: scalar.indent,
                items: [{ start, key: scalar, sep }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
        }
        else
            yield* this.lineEnd(scalar);
    }
    *blockScalar(scalar) {
        switch (this.type) {
            case 'space':
            case 'comment':
            case 'newline':
                scalar.props.push(this.sourceToken);
                return;
            case 'scalar':
                scalar.source = this.source;
                // block-scalar source includes trailing newline
                this.atNewLine = true;
                this.indent = 0;
                if (this.onNewLine) {
                    let nl = this.source.indexOf('\n') + 1;
                    while (nl !== 0) {
                        this.onNewLine(this.offset + nl);
                        nl = this.source.indexOf('\n', nl) + 1;
                    }
                }
                yield* this.pop();
                break;
            /* istanbul ignore next should not happen */
            default:
                yield* this.pop();
                yield* this.step();
        }
    }
    *blockMap(map) {
        const it = map.items[map.items.length - 1];
        // it.sep is true-ish if pair already has key or : separator
        switch (this.type) {
            case 'newline':
                this.onKeyLine = false;
                if (it.value) {
                    const end = 'end' in it.value ? it.value.end : undefined;
                    const last = Array.isArray(end) ? end[end.length - 1] : undefined;
                    if (last?.type === 'comment')
                        end?.push(this.sourceToken);
                    else
                        map.items.push({ start: [this.sourceToken] });
                }
                else if (it.sep) {
                    it.sep.push(this.sourceToken);
                }
                else {
                    it.start.push(this.sourceToken);
                }
                return;
            case 'space':
            case 'comment':
                if (it.value) {
                    map.items.push({ start: [this.sourceToken] });
                }
                else if (it.sep) {
                    it.sep.push(this.sourceToken);
                }
                else {
                    if (this.atIndentedComment(it.start, map.indent)) {
                        const prev = map.items[map.items.length - 2];
                        const end = prev?.value?.end;
                        if (Array.isArray(end)) {
                            arrayPushArray(end, it.start);
                            end.push(this.sourceToken);
                            map.items.pop();
                            return;
                        }
                    }
                    it.start.push(this.sourceToken);
                }
                return;
        }
        if (this.indent >= map.indent) {
            const atMapIndent = !this.onKeyLine && this.indent === map.indent;
            const atNextItem = atMapIndent &&
                (it.sep || it.explicitKey) &&
                this.type !== 'seq-item-ind';
            // For empty nodes, assign newline-separated not indented empty tokens to following node
            let start = [];
            if (atNextItem && it.sep && !it.value) {
                const nl = [];
                for (let i = 0; i < it.sep.length; ++i) {
                    const st = it.sep[i];
                    switch (st.type) {
                        case 'newline':
                            nl.push(i);
                            break;
                        case 'space':
                            break;
                        case 'comment':
                            if (st.indent > map.indent)
                                nl.length = 0;
                            break;
                        default:
                            nl.length = 0;
                    }
                }
                if (nl.length >= 2)
                    start = it.sep.splice(nl[1]);
            }
            switch (this.type) {
                case 'anchor':
                case 'tag':
                    if (atNextItem || it.value) {
                        start.push(this.sourceToken);
                        map.items.push({ start });
                        this.onKeyLine = true;
                    }
                    else if (it.sep) {
                        it.sep.push(this.sourceToken);
                    }
                    else {
                        it.start.push(this.sourceToken);
                    }
                    return;
                case 'explicit-key-ind':
                    if (!it.sep && !it.explicitKey) {
                        it.start.push(this.sourceToken);
                        it.explicitKey = true;
                    }
                    else if (atNextItem || it.value) {
                        start.push(this.sourceToken);
                        map.items.push({ start, explicitKey: true });
                    }
                    else {
                        this.stack.push({
                            type: 'block-map',
                            offset: this.offset,
                            indent: this.indent,
                            items: [{ start: [this.sourceToken], explicitKey: true }]
                        });
                    }
                    this.onKeyLine = true;
                    return;
                case 'map-value-ind':
                    if (it.explicitKey) {
                        if (!it.sep) {
                            if (includesToken(it.start, 'newline')) {
                                Object.assign(it, { key: null, sep: [this.sourceToken] });
                            }
                            else {
                                const start = getFirstKeyStartProps(it.start);
                                this.stack.push({
                                    type: 'block-map',
                                    offset: this.offset,
                                    indent: this.indent,
                                    items: [{ start, key: null, sep: [this.sourceToken] }]
                                });
                            }
                        }
                        else if (it.value) {
                            map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                        }
                        else if (includesToken(it.sep, 'map-value-ind')) {
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start, key: null, sep: [this.sourceToken] }]
                            });
                        }
                        else if (isFlowToken(it.key) &&
                            !includesToken(it.sep, 'newline')) {
                            const start = getFirstKeyStartProps(it.start);
                            const key = it.key;
                            const sep = it.sep;
                            sep.push(this.sourceToken);
                            // @ts-expect-error type guard is wrong here
                            delete it.key;
                            // @ts-expect-error type guard is wrong here
                            delete it.sep;
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start, key, sep }]
                            });
                        }
                        else if (start.length > 0) {
                            // Not actually at next item
                            it.sep = it.sep.concat(start, this.sourceToken);
                        }
                        else {
                            it.sep.push(this.sourceToken);
                        }
                    }
                    else {
                        if (!it.sep) {
                            Object.assign(it, { key: null, sep: [this.sourceToken] });
                        }
                        else if (it.value || atNextItem) {
                            map.items.push({ start, key: null, sep: [this.sourceToken] });
                        }
                        else if (includesToken(it.sep, 'map-value-ind')) {
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start: [], key: null, sep: [this.sourceToken] }]
                            });
                        }
                        else {
                            it.sep.push(this.sourceToken);
                        }
                    }
                    this.onKeyLine = true;
                    return;
                case 'alias':
                case 'scalar':
                case 'single-quoted-scalar':
                case 'double-quoted-scalar': {
                    const fs = this.flowScalar(this.type);
                    if (atNextItem || it.value) {
                        map.items.push({ start, key: fs, sep: [] });
                        this.onKeyLine = true;
                    }
                    else if (it.sep) {
                        this.stack.push(fs);
                    }
                    else {
                        Object.assign(it, { key: fs, sep: [] });
                        this.onKeyLine = true;
                    }
                    return;
                }
                default: {
                    const bv = this.startBlockValue(map);
                    if (bv) {
                        if (bv.type === 'block-seq') {
                            if (!it.explicitKey &&
                                it.sep &&
                                !includesToken(it.sep, 'newline')) {
                                yield* this.pop({
                                    type: 'error',
                                    offset: this.offset,
                                    message: 'Unexpected block-seq-ind on same line with key',
                                    source: this.source
                                });
                                return;
                            }
                        }
                        else if (atMapIndent) {
                            map.items.push({ start });
                        }
                        this.stack.push(bv);
                        return;
                    }
                }
            }
        }
        yield* this.pop();
        yield* this.step();
    }
    *blockSequence(seq) {
        const it = seq.items[seq.items.length - 1];
        switch (this.type) {
            case 'newline':
                if (it.value) {
                    const end = 'end' in it.value ? it.value.end : undefined;
                    const last = Array.isArray(end) ? end[end.length - 1] : undefined;
                    if (last?.type === 'comment')
                        end?.push(this.sourceToken);
                    else
                        seq.items.push({ start: [this.sourceToken] });
                }
                else
                    it.start.push(this.sourceToken);
                return;
            case 'space':
            case 'comment':
                if (it.value)
                    seq.items.push({ start: [this.sourceToken] });
                else {
                    if (this.atIndentedComment(it.start, seq.indent)) {
                        const prev = seq.items[seq.items.length - 2];
                        const end = prev?.value?.end;
                        if (Array.isArray(end)) {
                            arrayPushArray(end, it.start);
                            end.push(this.sourceToken);
                            seq.items.pop();
                            return;
                        }
                    }
                    it.start.push(this.sourceToken);
                }
                return;
            case 'anchor':
            case 'tag':
                if (it.value || this.indent <= seq.indent)
                    break;
                it.start.push(this.sourceToken);
                return;
            case 'seq-item-ind':
                if (this.indent !== seq.indent)
                    break;
                if (it.value || includesToken(it.start, 'seq-item-ind'))
                    seq.items.push({ start: [this.sourceToken] });
                else
                    it.start.push(this.sourceToken);
                return;
        }
        if (this.indent > seq.indent) {
            const bv = this.startBlockValue(seq);
            if (bv) {
                this.stack.push(bv);
                return;
            }
        }
        yield* this.pop();
        yield* this.step();
    }
    *flowCollection(fc) {
        const it = fc.items[fc.items.length - 1];
        if (this.type === 'flow-error-end') {
            let top;
            do {
                yield* this.pop();
                top = this.peek(1);
            } while (top?.type === 'flow-collection');
        }
        else if (fc.end.length === 0) {
            switch (this.type) {
                case 'comma':
                case 'explicit-key-ind':
                    if (!it || it.sep)
                        fc.items.push({ start: [this.sourceToken] });
                    else
                        it.start.push(this.sourceToken);
                    return;
                case 'map-value-ind':
                    if (!it || it.value)
                        fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
                    else if (it.sep)
                        it.sep.push(this.sourceToken);
                    else
                        Object.assign(it, { key: null, sep: [this.sourceToken] });
                    return;
                case 'space':
                case 'comment':
                case 'newline':
                case 'anchor':
                case 'tag':
                    if (!it || it.value)
                        fc.items.push({ start: [this.sourceToken] });
                    else if (it.sep)
                        it.sep.push(this.sourceToken);
                    else
                        it.start.push(this.sourceToken);
                    return;
                case 'alias':
                case 'scalar':
                case 'single-quoted-scalar':
                case 'double-quoted-scalar': {
                    const fs = this.flowScalar(this.type);
                    if (!it || it.value)
                        fc.items.push({ start: [], key: fs, sep: [] });
                    else if (it.sep)
                        this.stack.push(fs);
                    else
                        Object.assign(it, { key: fs, sep: [] });
                    return;
                }
                case 'flow-map-end':
                case 'flow-seq-end':
                    fc.end.push(this.sourceToken);
                    return;
            }
            const bv = this.startBlockValue(fc);
            /* istanbul ignore else should not happen */
            if (bv)
                this.stack.push(bv);
            else {
                yield* this.pop();
                yield* this.step();
            }
        }
        else {
            const parent = this.peek(2);
            if (parent.type === 'block-map' &&
                ((this.type === 'map-value-ind' && parent.indent === fc.indent) ||
                    (this.type === 'newline' &&
                        !parent.items[parent.items.length - 1].sep))) {
                yield* this.pop();
                yield* this.step();
            }
            else if (this.type === 'map-value-ind' &&
                parent.type !== 'flow-collection') {
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                fixFlowSeqItems(fc);
                const sep = fc.end.splice(1, fc.end.length);
                sep.push(this.sourceToken);
                const map = {
                    type: 'block-map',
                    offset: fc.offset,
                    indent: fc.indent,
                    items: [{ start, key: fc, sep }]
                };
                this.onKeyLine = true;
                this.stack[this.stack.length - 1] = map;
            }
            else {
                yield* this.lineEnd(fc);
            }
        }
    }
    flowScalar(type) {
        if (this.onNewLine) {
            let nl = this.source.indexOf('\n') + 1;
            while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf('\n', nl) + 1;
            }
        }
        return {
            type,
            offset: this.offset,
            indent: this.indent,
            source: this.source
        };
    }
    startBlockValue(parent) {
        switch (this.type) {
            case 'alias':
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return this.flowScalar(this.type);
            case 'block-scalar-header':
                return {
                    type: 'block-scalar',
                    offset: this.offset,
                    indent: this.indent,
                    props: [this.sourceToken],
                    source: ''
                };
            case 'flow-map-start':
            case 'flow-seq-start':
                return {
                    type: 'flow-collection',
                    offset: this.offset,
                    indent: this.indent,
                    start: this.sourceToken,
                    items: [],
                    end: []
                };
            case 'seq-item-ind':
                return {
                    type: 'block-seq',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [this.sourceToken] }]
                };
            case 'explicit-key-ind': {
                this.onKeyLine = true;
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                start.push(this.sourceToken);
                return {
                    type: 'block-map',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, explicitKey: true }]
                };
            }
            case 'map-value-ind': {
                this.onKeyLine = true;
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                return {
                    type: 'block-map',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                };
            }
        }
        return null;
    }
    atIndentedComment(start, indent) {
        if (this.type !== 'comment')
            return false;
        if (this.indent <= indent)
            return false;
        return start.every(st => st.type === 'newline' || st.type === 'space');
    }
    *documentEnd(docEnd) {
        if (this.type !== 'doc-mode') {
            if (docEnd.end)
                docEnd.end.push(this.sourceToken);
            else
                docEnd.end = [this.sourceToken];
            if (this.type === 'newline')
                yield* this.pop();
        }
    }
    *lineEnd(token) {
        switch (this.type) {
            case 'comma':
            case 'doc-start':
            case 'doc-end':
            case 'flow-seq-end':
            case 'flow-map-end':
            case 'map-value-ind':
                yield* this.pop();
                yield* this.step();
                break;
            case 'newline':
                this.onKeyLine = false;
            // fallthrough
            case 'space':
            case 'comment':
            default:
                // all other values are errors
                if (token.end)
                    token.end.push(this.sourceToken);
                else
                    token.end = [this.sourceToken];
                if (this.type === 'newline')
                    yield* this.pop();
        }
    }
}

exports.Parser = Parser;


/***/ }),

/***/ 4047:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var composer = __nccwpck_require__(9984);
var Document = __nccwpck_require__(3021);
var errors = __nccwpck_require__(1464);
var log = __nccwpck_require__(7249);
var identity = __nccwpck_require__(1127);
var lineCounter = __nccwpck_require__(6628);
var parser = __nccwpck_require__(3456);

function parseOptions(options) {
    const prettyErrors = options.prettyErrors !== false;
    const lineCounter$1 = options.lineCounter || (prettyErrors && new lineCounter.LineCounter()) || null;
    return { lineCounter: lineCounter$1, prettyErrors };
}
/**
 * Parse the input as a stream of YAML documents.
 *
 * Documents should be separated from each other by `...` or `---` marker lines.
 *
 * @returns If an empty `docs` array is returned, it will be of type
 *   EmptyStream and contain additional stream information. In
 *   TypeScript, you should use `'empty' in docs` as a type guard for it.
 */
function parseAllDocuments(source, options = {}) {
    const { lineCounter, prettyErrors } = parseOptions(options);
    const parser$1 = new parser.Parser(lineCounter?.addNewLine);
    const composer$1 = new composer.Composer(options);
    const docs = Array.from(composer$1.compose(parser$1.parse(source)));
    if (prettyErrors && lineCounter)
        for (const doc of docs) {
            doc.errors.forEach(errors.prettifyError(source, lineCounter));
            doc.warnings.forEach(errors.prettifyError(source, lineCounter));
        }
    if (docs.length > 0)
        return docs;
    return Object.assign([], { empty: true }, composer$1.streamInfo());
}
/** Parse an input string into a single YAML.Document */
function parseDocument(source, options = {}) {
    const { lineCounter, prettyErrors } = parseOptions(options);
    const parser$1 = new parser.Parser(lineCounter?.addNewLine);
    const composer$1 = new composer.Composer(options);
    // `doc` is always set by compose.end(true) at the very latest
    let doc = null;
    for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
            doc = _doc;
        else if (doc.options.logLevel !== 'silent') {
            doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
            break;
        }
    }
    if (prettyErrors && lineCounter) {
        doc.errors.forEach(errors.prettifyError(source, lineCounter));
        doc.warnings.forEach(errors.prettifyError(source, lineCounter));
    }
    return doc;
}
function parse(src, reviver, options) {
    let _reviver = undefined;
    if (typeof reviver === 'function') {
        _reviver = reviver;
    }
    else if (options === undefined && reviver && typeof reviver === 'object') {
        options = reviver;
    }
    const doc = parseDocument(src, options);
    if (!doc)
        return null;
    doc.warnings.forEach(warning => log.warn(doc.options.logLevel, warning));
    if (doc.errors.length > 0) {
        if (doc.options.logLevel !== 'silent')
            throw doc.errors[0];
        else
            doc.errors = [];
    }
    return doc.toJS(Object.assign({ reviver: _reviver }, options));
}
function stringify(value, replacer, options) {
    let _replacer = null;
    if (typeof replacer === 'function' || Array.isArray(replacer)) {
        _replacer = replacer;
    }
    else if (options === undefined && replacer) {
        options = replacer;
    }
    if (typeof options === 'string')
        options = options.length;
    if (typeof options === 'number') {
        const indent = Math.round(options);
        options = indent < 1 ? undefined : indent > 8 ? { indent: 8 } : { indent };
    }
    if (value === undefined) {
        const { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
            return undefined;
    }
    if (identity.isDocument(value) && !_replacer)
        return value.toString(options);
    return new Document.Document(value, _replacer, options).toString(options);
}

exports.parse = parse;
exports.parseAllDocuments = parseAllDocuments;
exports.parseDocument = parseDocument;
exports.stringify = stringify;


/***/ }),

/***/ 5840:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var map = __nccwpck_require__(7451);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var tags = __nccwpck_require__(18);

const sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
class Schema {
    constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat)
            ? tags.getTags(compat, 'compat')
            : compat
                ? tags.getTags(null, compat)
                : null;
        this.name = (typeof schema === 'string' && schema) || 'core';
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags, this.name, merge);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity.MAP, { value: map.map });
        Object.defineProperty(this, identity.SCALAR, { value: string.string });
        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
        // Used by createMap()
        this.sortMapEntries =
            typeof sortMapEntries === 'function'
                ? sortMapEntries
                : sortMapEntries === true
                    ? sortMapEntriesByKey
                    : null;
    }
    clone() {
        const copy = Object.create(Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
    }
}

exports.Schema = Schema;


/***/ }),

/***/ 7451:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var YAMLMap = __nccwpck_require__(4454);

const map = {
    collection: 'map',
    default: true,
    nodeClass: YAMLMap.YAMLMap,
    tag: 'tag:yaml.org,2002:map',
    resolve(map, onError) {
        if (!identity.isMap(map))
            onError('Expected a mapping for this tag');
        return map;
    },
    createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
};

exports.map = map;


/***/ }),

/***/ 3632:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

const nullTag = {
    identify: value => value == null,
    createNode: () => new Scalar.Scalar(null),
    default: true,
    tag: 'tag:yaml.org,2002:null',
    test: /^(?:~|[Nn]ull|NULL)?$/,
    resolve: () => new Scalar.Scalar(null),
    stringify: ({ source }, ctx) => typeof source === 'string' && nullTag.test.test(source)
        ? source
        : ctx.options.nullStr
};

exports.nullTag = nullTag;


/***/ }),

/***/ 1706:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var YAMLSeq = __nccwpck_require__(2223);

const seq = {
    collection: 'seq',
    default: true,
    nodeClass: YAMLSeq.YAMLSeq,
    tag: 'tag:yaml.org,2002:seq',
    resolve(seq, onError) {
        if (!identity.isSeq(seq))
            onError('Expected a sequence for this tag');
        return seq;
    },
    createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
};

exports.seq = seq;


/***/ }),

/***/ 6464:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyString = __nccwpck_require__(3069);

const string = {
    identify: value => typeof value === 'string',
    default: true,
    tag: 'tag:yaml.org,2002:str',
    resolve: str => str,
    stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
    }
};

exports.string = string;


/***/ }),

/***/ 3959:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

const boolTag = {
    identify: value => typeof value === 'boolean',
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
    resolve: str => new Scalar.Scalar(str[0] === 't' || str[0] === 'T'),
    stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
            const sv = source[0] === 't' || source[0] === 'T';
            if (value === sv)
                return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
};

exports.boolTag = boolTag;


/***/ }),

/***/ 8405:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var stringifyNumber = __nccwpck_require__(8689);

const floatNaN = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    resolve: str => str.slice(-3).toLowerCase() === 'nan'
        ? NaN
        : str[0] === '-'
            ? Number.NEGATIVE_INFINITY
            : Number.POSITIVE_INFINITY,
    stringify: stringifyNumber.stringifyNumber
};
const floatExp = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'EXP',
    test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
    resolve: str => parseFloat(str),
    stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
    }
};
const float = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
    resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str));
        const dot = str.indexOf('.');
        if (dot !== -1 && str[str.length - 1] === '0')
            node.minFractionDigits = str.length - dot - 1;
        return node;
    },
    stringify: stringifyNumber.stringifyNumber
};

exports.float = float;
exports.floatExp = floatExp;
exports.floatNaN = floatNaN;


/***/ }),

/***/ 9874:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

const intIdentify = (value) => typeof value === 'bigint' || Number.isInteger(value);
const intResolve = (str, offset, radix, { intAsBigInt }) => (intAsBigInt ? BigInt(str) : parseInt(str.substring(offset), radix));
function intStringify(node, radix, prefix) {
    const { value } = node;
    if (intIdentify(value) && value >= 0)
        return prefix + value.toString(radix);
    return stringifyNumber.stringifyNumber(node);
}
const intOct = {
    identify: value => intIdentify(value) && value >= 0,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'OCT',
    test: /^0o[0-7]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 8, opt),
    stringify: node => intStringify(node, 8, '0o')
};
const int = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    test: /^[-+]?[0-9]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
    stringify: stringifyNumber.stringifyNumber
};
const intHex = {
    identify: value => intIdentify(value) && value >= 0,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'HEX',
    test: /^0x[0-9a-fA-F]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
    stringify: node => intStringify(node, 16, '0x')
};

exports.int = int;
exports.intHex = intHex;
exports.intOct = intOct;


/***/ }),

/***/ 896:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var bool = __nccwpck_require__(3959);
var float = __nccwpck_require__(8405);
var int = __nccwpck_require__(9874);

const schema = [
    map.map,
    seq.seq,
    string.string,
    _null.nullTag,
    bool.boolTag,
    int.intOct,
    int.int,
    int.intHex,
    float.floatNaN,
    float.floatExp,
    float.float
];

exports.schema = schema;


/***/ }),

/***/ 3559:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var map = __nccwpck_require__(7451);
var seq = __nccwpck_require__(1706);

function intIdentify(value) {
    return typeof value === 'bigint' || Number.isInteger(value);
}
const stringifyJSON = ({ value }) => JSON.stringify(value);
const jsonScalars = [
    {
        identify: value => typeof value === 'string',
        default: true,
        tag: 'tag:yaml.org,2002:str',
        resolve: str => str,
        stringify: stringifyJSON
    },
    {
        identify: value => value == null,
        createNode: () => new Scalar.Scalar(null),
        default: true,
        tag: 'tag:yaml.org,2002:null',
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
    },
    {
        identify: value => typeof value === 'boolean',
        default: true,
        tag: 'tag:yaml.org,2002:bool',
        test: /^true$|^false$/,
        resolve: str => str === 'true',
        stringify: stringifyJSON
    },
    {
        identify: intIdentify,
        default: true,
        tag: 'tag:yaml.org,2002:int',
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
    },
    {
        identify: value => typeof value === 'number',
        default: true,
        tag: 'tag:yaml.org,2002:float',
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: str => parseFloat(str),
        stringify: stringifyJSON
    }
];
const jsonError = {
    default: true,
    tag: '',
    test: /^/,
    resolve(str, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str)}`);
        return str;
    }
};
const schema = [map.map, seq.seq].concat(jsonScalars, jsonError);

exports.schema = schema;


/***/ }),

/***/ 18:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var bool = __nccwpck_require__(3959);
var float = __nccwpck_require__(8405);
var int = __nccwpck_require__(9874);
var schema = __nccwpck_require__(896);
var schema$1 = __nccwpck_require__(3559);
var binary = __nccwpck_require__(6083);
var merge = __nccwpck_require__(452);
var omap = __nccwpck_require__(303);
var pairs = __nccwpck_require__(8385);
var schema$2 = __nccwpck_require__(5913);
var set = __nccwpck_require__(1528);
var timestamp = __nccwpck_require__(6752);

const schemas = new Map([
    ['core', schema.schema],
    ['failsafe', [map.map, seq.seq, string.string]],
    ['json', schema$1.schema],
    ['yaml11', schema$2.schema],
    ['yaml-1.1', schema$2.schema]
]);
const tagsByName = {
    binary: binary.binary,
    bool: bool.boolTag,
    float: float.float,
    floatExp: float.floatExp,
    floatNaN: float.floatNaN,
    floatTime: timestamp.floatTime,
    int: int.int,
    intHex: int.intHex,
    intOct: int.intOct,
    intTime: timestamp.intTime,
    map: map.map,
    merge: merge.merge,
    null: _null.nullTag,
    omap: omap.omap,
    pairs: pairs.pairs,
    seq: seq.seq,
    set: set.set,
    timestamp: timestamp.timestamp
};
const coreKnownTags = {
    'tag:yaml.org,2002:binary': binary.binary,
    'tag:yaml.org,2002:merge': merge.merge,
    'tag:yaml.org,2002:omap': omap.omap,
    'tag:yaml.org,2002:pairs': pairs.pairs,
    'tag:yaml.org,2002:set': set.set,
    'tag:yaml.org,2002:timestamp': timestamp.timestamp
};
function getTags(customTags, schemaName, addMergeTag) {
    const schemaTags = schemas.get(schemaName);
    if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge.merge)
            ? schemaTags.concat(merge.merge)
            : schemaTags.slice();
    }
    let tags = schemaTags;
    if (!tags) {
        if (Array.isArray(customTags))
            tags = [];
        else {
            const keys = Array.from(schemas.keys())
                .filter(key => key !== 'yaml11')
                .map(key => JSON.stringify(key))
                .join(', ');
            throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
        }
    }
    if (Array.isArray(customTags)) {
        for (const tag of customTags)
            tags = tags.concat(tag);
    }
    else if (typeof customTags === 'function') {
        tags = customTags(tags.slice());
    }
    if (addMergeTag)
        tags = tags.concat(merge.merge);
    return tags.reduce((tags, tag) => {
        const tagObj = typeof tag === 'string' ? tagsByName[tag] : tag;
        if (!tagObj) {
            const tagName = JSON.stringify(tag);
            const keys = Object.keys(tagsByName)
                .map(key => JSON.stringify(key))
                .join(', ');
            throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
        }
        if (!tags.includes(tagObj))
            tags.push(tagObj);
        return tags;
    }, []);
}

exports.coreKnownTags = coreKnownTags;
exports.getTags = getTags;


/***/ }),

/***/ 6083:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_buffer = __nccwpck_require__(181);
var Scalar = __nccwpck_require__(3301);
var stringifyString = __nccwpck_require__(3069);

const binary = {
    identify: value => value instanceof Uint8Array, // Buffer inherits from Uint8Array
    default: false,
    tag: 'tag:yaml.org,2002:binary',
    /**
     * Returns a Buffer in node and an Uint8Array in browsers
     *
     * To use the resulting buffer as an image, you'll want to do something like:
     *
     *   const blob = new Blob([buffer], { type: 'image/jpeg' })
     *   document.querySelector('#photo').src = URL.createObjectURL(blob)
     */
    resolve(src, onError) {
        if (typeof node_buffer.Buffer === 'function') {
            return node_buffer.Buffer.from(src, 'base64');
        }
        else if (typeof atob === 'function') {
            // On IE 11, atob() can't handle newlines
            const str = atob(src.replace(/[\n\r]/g, ''));
            const buffer = new Uint8Array(str.length);
            for (let i = 0; i < str.length; ++i)
                buffer[i] = str.charCodeAt(i);
            return buffer;
        }
        else {
            onError('This environment does not support reading binary tags; either Buffer or atob is required');
            return src;
        }
    },
    stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
            return '';
        const buf = value; // checked earlier by binary.identify()
        let str;
        if (typeof node_buffer.Buffer === 'function') {
            str =
                buf instanceof node_buffer.Buffer
                    ? buf.toString('base64')
                    : node_buffer.Buffer.from(buf.buffer).toString('base64');
        }
        else if (typeof btoa === 'function') {
            let s = '';
            for (let i = 0; i < buf.length; ++i)
                s += String.fromCharCode(buf[i]);
            str = btoa(s);
        }
        else {
            throw new Error('This environment does not support writing binary tags; either Buffer or btoa is required');
        }
        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
            const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
            const n = Math.ceil(str.length / lineWidth);
            const lines = new Array(n);
            for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
                lines[i] = str.substr(o, lineWidth);
            }
            str = lines.join(type === Scalar.Scalar.BLOCK_LITERAL ? '\n' : ' ');
        }
        return stringifyString.stringifyString({ comment, type, value: str }, ctx, onComment, onChompKeep);
    }
};

exports.binary = binary;


/***/ }),

/***/ 8398:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

function boolStringify({ value, source }, ctx) {
    const boolObj = value ? trueTag : falseTag;
    if (source && boolObj.test.test(source))
        return source;
    return value ? ctx.options.trueStr : ctx.options.falseStr;
}
const trueTag = {
    identify: value => value === true,
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
    resolve: () => new Scalar.Scalar(true),
    stringify: boolStringify
};
const falseTag = {
    identify: value => value === false,
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
    resolve: () => new Scalar.Scalar(false),
    stringify: boolStringify
};

exports.falseTag = falseTag;
exports.trueTag = trueTag;


/***/ }),

/***/ 5782:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var stringifyNumber = __nccwpck_require__(8689);

const floatNaN = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    resolve: (str) => str.slice(-3).toLowerCase() === 'nan'
        ? NaN
        : str[0] === '-'
            ? Number.NEGATIVE_INFINITY
            : Number.POSITIVE_INFINITY,
    stringify: stringifyNumber.stringifyNumber
};
const floatExp = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'EXP',
    test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
    resolve: (str) => parseFloat(str.replace(/_/g, '')),
    stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
    }
};
const float = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
    resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str.replace(/_/g, '')));
        const dot = str.indexOf('.');
        if (dot !== -1) {
            const f = str.substring(dot + 1).replace(/_/g, '');
            if (f[f.length - 1] === '0')
                node.minFractionDigits = f.length;
        }
        return node;
    },
    stringify: stringifyNumber.stringifyNumber
};

exports.float = float;
exports.floatExp = floatExp;
exports.floatNaN = floatNaN;


/***/ }),

/***/ 873:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

const intIdentify = (value) => typeof value === 'bigint' || Number.isInteger(value);
function intResolve(str, offset, radix, { intAsBigInt }) {
    const sign = str[0];
    if (sign === '-' || sign === '+')
        offset += 1;
    str = str.substring(offset).replace(/_/g, '');
    if (intAsBigInt) {
        switch (radix) {
            case 2:
                str = `0b${str}`;
                break;
            case 8:
                str = `0o${str}`;
                break;
            case 16:
                str = `0x${str}`;
                break;
        }
        const n = BigInt(str);
        return sign === '-' ? BigInt(-1) * n : n;
    }
    const n = parseInt(str, radix);
    return sign === '-' ? -1 * n : n;
}
function intStringify(node, radix, prefix) {
    const { value } = node;
    if (intIdentify(value)) {
        const str = value.toString(radix);
        return value < 0 ? '-' + prefix + str.substr(1) : prefix + str;
    }
    return stringifyNumber.stringifyNumber(node);
}
const intBin = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'BIN',
    test: /^[-+]?0b[0-1_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 2, opt),
    stringify: node => intStringify(node, 2, '0b')
};
const intOct = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'OCT',
    test: /^[-+]?0[0-7_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 1, 8, opt),
    stringify: node => intStringify(node, 8, '0')
};
const int = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    test: /^[-+]?[0-9][0-9_]*$/,
    resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
    stringify: stringifyNumber.stringifyNumber
};
const intHex = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'HEX',
    test: /^[-+]?0x[0-9a-fA-F_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
    stringify: node => intStringify(node, 16, '0x')
};

exports.int = int;
exports.intBin = intBin;
exports.intHex = intHex;
exports.intOct = intOct;


/***/ }),

/***/ 452:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);

// If the value associated with a merge key is a single mapping node, each of
// its key/value pairs is inserted into the current mapping, unless the key
// already exists in it. If the value associated with the merge key is a
// sequence, then this sequence is expected to contain mapping nodes and each
// of these nodes is merged in turn according to its order in the sequence.
// Keys in mapping nodes earlier in the sequence override keys specified in
// later mapping nodes. -- http://yaml.org/type/merge.html
const MERGE_KEY = '<<';
const merge = {
    identify: value => value === MERGE_KEY ||
        (typeof value === 'symbol' && value.description === MERGE_KEY),
    default: 'key',
    tag: 'tag:yaml.org,2002:merge',
    test: /^<<$/,
    resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
    }),
    stringify: () => MERGE_KEY
};
const isMergeKey = (ctx, key) => (merge.identify(key) ||
    (identity.isScalar(key) &&
        (!key.type || key.type === Scalar.Scalar.PLAIN) &&
        merge.identify(key.value))) &&
    ctx?.doc.schema.tags.some(tag => tag.tag === merge.tag && tag.default);
function addMergeToJSMap(ctx, map, value) {
    const source = resolveAliasValue(ctx, value);
    if (identity.isSeq(source))
        for (const it of source.items)
            mergeValue(ctx, map, it);
    else if (Array.isArray(source))
        for (const it of source)
            mergeValue(ctx, map, it);
    else
        mergeValue(ctx, map, source);
}
function mergeValue(ctx, map, value) {
    const source = resolveAliasValue(ctx, value);
    if (!identity.isMap(source))
        throw new Error('Merge sources must be maps or map aliases');
    const srcMap = source.toJSON(null, ctx, Map);
    for (const [key, value] of srcMap) {
        if (map instanceof Map) {
            if (!map.has(key))
                map.set(key, value);
        }
        else if (map instanceof Set) {
            map.add(key);
        }
        else if (!Object.prototype.hasOwnProperty.call(map, key)) {
            Object.defineProperty(map, key, {
                value,
                writable: true,
                enumerable: true,
                configurable: true
            });
        }
    }
    return map;
}
function resolveAliasValue(ctx, value) {
    return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
}

exports.addMergeToJSMap = addMergeToJSMap;
exports.isMergeKey = isMergeKey;
exports.merge = merge;


/***/ }),

/***/ 303:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var pairs = __nccwpck_require__(8385);

class YAMLOMap extends YAMLSeq.YAMLSeq {
    constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = YAMLOMap.tag;
    }
    /**
     * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
     * but TypeScript won't allow widening the signature of a child method.
     */
    toJSON(_, ctx) {
        if (!ctx)
            return super.toJSON(_);
        const map = new Map();
        if (ctx?.onCreate)
            ctx.onCreate(map);
        for (const pair of this.items) {
            let key, value;
            if (identity.isPair(pair)) {
                key = toJS.toJS(pair.key, '', ctx);
                value = toJS.toJS(pair.value, key, ctx);
            }
            else {
                key = toJS.toJS(pair, '', ctx);
            }
            if (map.has(key))
                throw new Error('Ordered maps must not include duplicate keys');
            map.set(key, value);
        }
        return map;
    }
    static from(schema, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
        const omap = new this();
        omap.items = pairs$1.items;
        return omap;
    }
}
YAMLOMap.tag = 'tag:yaml.org,2002:omap';
const omap = {
    collection: 'seq',
    identify: value => value instanceof Map,
    nodeClass: YAMLOMap,
    default: false,
    tag: 'tag:yaml.org,2002:omap',
    resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key } of pairs$1.items) {
            if (identity.isScalar(key)) {
                if (seenKeys.includes(key.value)) {
                    onError(`Ordered maps must not include duplicate keys: ${key.value}`);
                }
                else {
                    seenKeys.push(key.value);
                }
            }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
    },
    createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
};

exports.YAMLOMap = YAMLOMap;
exports.omap = omap;


/***/ }),

/***/ 8385:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);
var YAMLSeq = __nccwpck_require__(2223);

function resolvePairs(seq, onError) {
    if (identity.isSeq(seq)) {
        for (let i = 0; i < seq.items.length; ++i) {
            let item = seq.items[i];
            if (identity.isPair(item))
                continue;
            else if (identity.isMap(item)) {
                if (item.items.length > 1)
                    onError('Each pair must have its own sequence indicator');
                const pair = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
                if (item.commentBefore)
                    pair.key.commentBefore = pair.key.commentBefore
                        ? `${item.commentBefore}\n${pair.key.commentBefore}`
                        : item.commentBefore;
                if (item.comment) {
                    const cn = pair.value ?? pair.key;
                    cn.comment = cn.comment
                        ? `${item.comment}\n${cn.comment}`
                        : item.comment;
                }
                item = pair;
            }
            seq.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
        }
    }
    else
        onError('Expected a sequence for this tag');
    return seq;
}
function createPairs(schema, iterable, ctx) {
    const { replacer } = ctx;
    const pairs = new YAMLSeq.YAMLSeq(schema);
    pairs.tag = 'tag:yaml.org,2002:pairs';
    let i = 0;
    if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
            if (typeof replacer === 'function')
                it = replacer.call(iterable, String(i++), it);
            let key, value;
            if (Array.isArray(it)) {
                if (it.length === 2) {
                    key = it[0];
                    value = it[1];
                }
                else
                    throw new TypeError(`Expected [key, value] tuple: ${it}`);
            }
            else if (it && it instanceof Object) {
                const keys = Object.keys(it);
                if (keys.length === 1) {
                    key = keys[0];
                    value = it[key];
                }
                else {
                    throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
                }
            }
            else {
                key = it;
            }
            pairs.items.push(Pair.createPair(key, value, ctx));
        }
    return pairs;
}
const pairs = {
    collection: 'seq',
    default: false,
    tag: 'tag:yaml.org,2002:pairs',
    resolve: resolvePairs,
    createNode: createPairs
};

exports.createPairs = createPairs;
exports.pairs = pairs;
exports.resolvePairs = resolvePairs;


/***/ }),

/***/ 5913:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var binary = __nccwpck_require__(6083);
var bool = __nccwpck_require__(8398);
var float = __nccwpck_require__(5782);
var int = __nccwpck_require__(873);
var merge = __nccwpck_require__(452);
var omap = __nccwpck_require__(303);
var pairs = __nccwpck_require__(8385);
var set = __nccwpck_require__(1528);
var timestamp = __nccwpck_require__(6752);

const schema = [
    map.map,
    seq.seq,
    string.string,
    _null.nullTag,
    bool.trueTag,
    bool.falseTag,
    int.intBin,
    int.intOct,
    int.int,
    int.intHex,
    float.floatNaN,
    float.floatExp,
    float.float,
    binary.binary,
    merge.merge,
    omap.omap,
    pairs.pairs,
    set.set,
    timestamp.intTime,
    timestamp.floatTime,
    timestamp.timestamp
];

exports.schema = schema;


/***/ }),

/***/ 1528:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);

class YAMLSet extends YAMLMap.YAMLMap {
    constructor(schema) {
        super(schema);
        this.tag = YAMLSet.tag;
    }
    add(key) {
        let pair;
        if (identity.isPair(key))
            pair = key;
        else if (key &&
            typeof key === 'object' &&
            'key' in key &&
            'value' in key &&
            key.value === null)
            pair = new Pair.Pair(key.key, null);
        else
            pair = new Pair.Pair(key, null);
        const prev = YAMLMap.findPair(this.items, pair.key);
        if (!prev)
            this.items.push(pair);
    }
    /**
     * If `keepPair` is `true`, returns the Pair matching `key`.
     * Otherwise, returns the value of that Pair's key.
     */
    get(key, keepPair) {
        const pair = YAMLMap.findPair(this.items, key);
        return !keepPair && identity.isPair(pair)
            ? identity.isScalar(pair.key)
                ? pair.key.value
                : pair.key
            : pair;
    }
    set(key, value) {
        if (typeof value !== 'boolean')
            throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = YAMLMap.findPair(this.items, key);
        if (prev && !value) {
            this.items.splice(this.items.indexOf(prev), 1);
        }
        else if (!prev && value) {
            this.items.push(new Pair.Pair(key));
        }
    }
    toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        if (this.hasAllNullValues(true))
            return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
            throw new Error('Set items must all have null values');
    }
    static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
            for (let value of iterable) {
                if (typeof replacer === 'function')
                    value = replacer.call(iterable, value, value);
                set.items.push(Pair.createPair(value, null, ctx));
            }
        return set;
    }
}
YAMLSet.tag = 'tag:yaml.org,2002:set';
const set = {
    collection: 'map',
    identify: value => value instanceof Set,
    nodeClass: YAMLSet,
    default: false,
    tag: 'tag:yaml.org,2002:set',
    createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
    resolve(map, onError) {
        if (identity.isMap(map)) {
            if (map.hasAllNullValues(true))
                return Object.assign(new YAMLSet(), map);
            else
                onError('Set items must all have null values');
        }
        else
            onError('Expected a mapping for this tag');
        return map;
    }
};

exports.YAMLSet = YAMLSet;
exports.set = set;


/***/ }),

/***/ 6752:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

/** Internal types handle bigint as number, because TS can't figure it out. */
function parseSexagesimal(str, asBigInt) {
    const sign = str[0];
    const parts = sign === '-' || sign === '+' ? str.substring(1) : str;
    const num = (n) => asBigInt ? BigInt(n) : Number(n);
    const res = parts
        .replace(/_/g, '')
        .split(':')
        .reduce((res, p) => res * num(60) + num(p), num(0));
    return (sign === '-' ? num(-1) * res : res);
}
/**
 * hhhh:mm:ss.sss
 *
 * Internal types handle bigint as number, because TS can't figure it out.
 */
function stringifySexagesimal(node) {
    let { value } = node;
    let num = (n) => n;
    if (typeof value === 'bigint')
        num = n => BigInt(n);
    else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
    let sign = '';
    if (value < 0) {
        sign = '-';
        value *= num(-1);
    }
    const _60 = num(60);
    const parts = [value % _60]; // seconds, including ms
    if (value < 60) {
        parts.unshift(0); // at least one : is required
    }
    else {
        value = (value - parts[0]) / _60;
        parts.unshift(value % _60); // minutes
        if (value >= 60) {
            value = (value - parts[0]) / _60;
            parts.unshift(value); // hours
        }
    }
    return (sign +
        parts
            .map(n => String(n).padStart(2, '0'))
            .join(':')
            .replace(/000000\d*$/, '') // % 60 may introduce error
    );
}
const intTime = {
    identify: value => typeof value === 'bigint' || Number.isInteger(value),
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'TIME',
    test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
    resolve: (str, _onError, { intAsBigInt }) => parseSexagesimal(str, intAsBigInt),
    stringify: stringifySexagesimal
};
const floatTime = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'TIME',
    test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
    resolve: str => parseSexagesimal(str, false),
    stringify: stringifySexagesimal
};
const timestamp = {
    identify: value => value instanceof Date,
    default: true,
    tag: 'tag:yaml.org,2002:timestamp',
    // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
    // may be omitted altogether, resulting in a date format. In such a case, the time part is
    // assumed to be 00:00:00Z (start of day, UTC).
    test: RegExp('^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})' + // YYYY-Mm-Dd
        '(?:' + // time is optional
        '(?:t|T|[ \\t]+)' + // t | T | whitespace
        '([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)' + // Hh:Mm:Ss(.ss)?
        '(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?' + // Z | +5 | -03:30
        ')?$'),
    resolve(str) {
        const match = str.match(timestamp.test);
        if (!match)
            throw new Error('!!timestamp expects a date, starting with yyyy-mm-dd');
        const [, year, month, day, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + '00').substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
        if (tz && tz !== 'Z') {
            let d = parseSexagesimal(tz, false);
            if (Math.abs(d) < 30)
                d *= 60;
            date -= 60000 * d;
        }
        return new Date(date);
    },
    stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, '') ?? ''
};

exports.floatTime = floatTime;
exports.intTime = intTime;
exports.timestamp = timestamp;


/***/ }),

/***/ 4475:
/***/ ((__unused_webpack_module, exports) => {



const FOLD_FLOW = 'flow';
const FOLD_BLOCK = 'block';
const FOLD_QUOTED = 'quoted';
/**
 * Tries to keep input at up to `lineWidth` characters, splitting only on spaces
 * not followed by newlines or spaces unless `mode` is `'quoted'`. Lines are
 * terminated with `\n` and started with `indent`.
 */
function foldFlowLines(text, indent, mode = 'flow', { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
    if (!lineWidth || lineWidth < 0)
        return text;
    if (lineWidth < minContentWidth)
        minContentWidth = 0;
    const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
    if (text.length <= endStep)
        return text;
    const folds = [];
    const escapedFolds = {};
    let end = lineWidth - indent.length;
    if (typeof indentAtStart === 'number') {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
            folds.push(0);
        else
            end = lineWidth - indentAtStart;
    }
    let split = undefined;
    let prev = undefined;
    let overflow = false;
    let i = -1;
    let escStart = -1;
    let escEnd = -1;
    if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text, i, indent.length);
        if (i !== -1)
            end = i + endStep;
    }
    for (let ch; (ch = text[(i += 1)]);) {
        if (mode === FOLD_QUOTED && ch === '\\') {
            escStart = i;
            switch (text[i + 1]) {
                case 'x':
                    i += 3;
                    break;
                case 'u':
                    i += 5;
                    break;
                case 'U':
                    i += 9;
                    break;
                default:
                    i += 1;
            }
            escEnd = i;
        }
        if (ch === '\n') {
            if (mode === FOLD_BLOCK)
                i = consumeMoreIndentedLines(text, i, indent.length);
            end = i + indent.length + endStep;
            split = undefined;
        }
        else {
            if (ch === ' ' &&
                prev &&
                prev !== ' ' &&
                prev !== '\n' &&
                prev !== '\t') {
                // space surrounded by non-space can be replaced with newline + indent
                const next = text[i + 1];
                if (next && next !== ' ' && next !== '\n' && next !== '\t')
                    split = i;
            }
            if (i >= end) {
                if (split) {
                    folds.push(split);
                    end = split + endStep;
                    split = undefined;
                }
                else if (mode === FOLD_QUOTED) {
                    // white-space collected at end may stretch past lineWidth
                    while (prev === ' ' || prev === '\t') {
                        prev = ch;
                        ch = text[(i += 1)];
                        overflow = true;
                    }
                    // Account for newline escape, but don't break preceding escape
                    const j = i > escEnd + 1 ? i - 2 : escStart - 1;
                    // Bail out if lineWidth & minContentWidth are shorter than an escape string
                    if (escapedFolds[j])
                        return text;
                    folds.push(j);
                    escapedFolds[j] = true;
                    end = j + endStep;
                    split = undefined;
                }
                else {
                    overflow = true;
                }
            }
        }
        prev = ch;
    }
    if (overflow && onOverflow)
        onOverflow();
    if (folds.length === 0)
        return text;
    if (onFold)
        onFold();
    let res = text.slice(0, folds[0]);
    for (let i = 0; i < folds.length; ++i) {
        const fold = folds[i];
        const end = folds[i + 1] || text.length;
        if (fold === 0)
            res = `\n${indent}${text.slice(0, end)}`;
        else {
            if (mode === FOLD_QUOTED && escapedFolds[fold])
                res += `${text[fold]}\\`;
            res += `\n${indent}${text.slice(fold + 1, end)}`;
        }
    }
    return res;
}
/**
 * Presumes `i + 1` is at the start of a line
 * @returns index of last newline in more-indented block
 */
function consumeMoreIndentedLines(text, i, indent) {
    let end = i;
    let start = i + 1;
    let ch = text[start];
    while (ch === ' ' || ch === '\t') {
        if (i < start + indent) {
            ch = text[++i];
        }
        else {
            do {
                ch = text[++i];
            } while (ch && ch !== '\n');
            end = i;
            start = i + 1;
            ch = text[start];
        }
    }
    return end;
}

exports.FOLD_BLOCK = FOLD_BLOCK;
exports.FOLD_FLOW = FOLD_FLOW;
exports.FOLD_QUOTED = FOLD_QUOTED;
exports.foldFlowLines = foldFlowLines;


/***/ }),

/***/ 2148:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var anchors = __nccwpck_require__(1596);
var identity = __nccwpck_require__(1127);
var stringifyComment = __nccwpck_require__(9799);
var stringifyString = __nccwpck_require__(3069);

function createStringifyContext(doc, options) {
    const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: 'PLAIN',
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: 'false',
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: 'null',
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: 'true',
        verifyAliasOrder: true
    }, doc.schema.toStringOptions, options);
    let inFlow;
    switch (opt.collectionStyle) {
        case 'block':
            inFlow = false;
            break;
        case 'flow':
            inFlow = true;
            break;
        default:
            inFlow = null;
    }
    return {
        anchors: new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? ' ' : '',
        indent: '',
        indentStep: typeof opt.indent === 'number' ? ' '.repeat(opt.indent) : '  ',
        inFlow,
        options: opt
    };
}
function getTagObject(tags, item) {
    if (item.tag) {
        const match = tags.filter(t => t.tag === item.tag);
        if (match.length > 0)
            return match.find(t => t.format === item.format) ?? match[0];
    }
    let tagObj = undefined;
    let obj;
    if (identity.isScalar(item)) {
        obj = item.value;
        let match = tags.filter(t => t.identify?.(obj));
        if (match.length > 1) {
            const testMatch = match.filter(t => t.test);
            if (testMatch.length > 0)
                match = testMatch;
        }
        tagObj =
            match.find(t => t.format === item.format) ?? match.find(t => !t.format);
    }
    else {
        obj = item;
        tagObj = tags.find(t => t.nodeClass && obj instanceof t.nodeClass);
    }
    if (!tagObj) {
        const name = obj?.constructor?.name ?? (obj === null ? 'null' : typeof obj);
        throw new Error(`Tag not resolved for ${name} value`);
    }
    return tagObj;
}
// needs to be called before value stringifier to allow for circular anchor refs
function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
    if (!doc.directives)
        return '';
    const props = [];
    const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
    if (anchor && anchors.anchorIsValid(anchor)) {
        anchors$1.add(anchor);
        props.push(`&${anchor}`);
    }
    const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
    if (tag)
        props.push(doc.directives.tagString(tag));
    return props.join(' ');
}
function stringify(item, ctx, onComment, onChompKeep) {
    if (identity.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
    if (identity.isAlias(item)) {
        if (ctx.doc.directives)
            return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
            throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        }
        else {
            if (ctx.resolvedAliases)
                ctx.resolvedAliases.add(item);
            else
                ctx.resolvedAliases = new Set([item]);
            item = item.resolve(ctx.doc);
        }
    }
    let tagObj = undefined;
    const node = identity.isNode(item)
        ? item
        : ctx.doc.createNode(item, { onTagObj: o => (tagObj = o) });
    tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
    const props = stringifyProps(node, tagObj, ctx);
    if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
    const str = typeof tagObj.stringify === 'function'
        ? tagObj.stringify(node, ctx, onComment, onChompKeep)
        : identity.isScalar(node)
            ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep)
            : node.toString(ctx, onComment, onChompKeep);
    if (!props)
        return str;
    return identity.isScalar(node) || str[0] === '{' || str[0] === '['
        ? `${props} ${str}`
        : `${props}\n${ctx.indent}${str}`;
}

exports.createStringifyContext = createStringifyContext;
exports.stringify = stringify;


/***/ }),

/***/ 1212:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyCollection(collection, ctx, options) {
    const flow = ctx.inFlow ?? collection.flow;
    const stringify = flow ? stringifyFlowCollection : stringifyBlockCollection;
    return stringify(collection, ctx, options);
}
function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
    const { indent, options: { commentString } } = ctx;
    const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
    let chompKeep = false; // flag for the preceding node's status
    const lines = [];
    for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
            if (!chompKeep && item.spaceBefore)
                lines.push('');
            addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
            if (item.comment)
                comment = item.comment;
        }
        else if (identity.isPair(item)) {
            const ik = identity.isNode(item.key) ? item.key : null;
            if (ik) {
                if (!chompKeep && ik.spaceBefore)
                    lines.push('');
                addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
            }
        }
        chompKeep = false;
        let str = stringify.stringify(item, itemCtx, () => (comment = null), () => (chompKeep = true));
        if (comment)
            str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        if (chompKeep && comment)
            chompKeep = false;
        lines.push(blockItemPrefix + str);
    }
    let str;
    if (lines.length === 0) {
        str = flowChars.start + flowChars.end;
    }
    else {
        str = lines[0];
        for (let i = 1; i < lines.length; ++i) {
            const line = lines[i];
            str += line ? `\n${indent}${line}` : '\n';
        }
    }
    if (comment) {
        str += '\n' + stringifyComment.indentComment(commentString(comment), indent);
        if (onComment)
            onComment();
    }
    else if (chompKeep && onChompKeep)
        onChompKeep();
    return str;
}
function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
    const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
    itemIndent += indentStep;
    const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
    });
    let reqNewline = false;
    let linesAtValue = 0;
    const lines = [];
    for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
            if (item.spaceBefore)
                lines.push('');
            addCommentBefore(ctx, lines, item.commentBefore, false);
            if (item.comment)
                comment = item.comment;
        }
        else if (identity.isPair(item)) {
            const ik = identity.isNode(item.key) ? item.key : null;
            if (ik) {
                if (ik.spaceBefore)
                    lines.push('');
                addCommentBefore(ctx, lines, ik.commentBefore, false);
                if (ik.comment)
                    reqNewline = true;
            }
            const iv = identity.isNode(item.value) ? item.value : null;
            if (iv) {
                if (iv.comment)
                    comment = iv.comment;
                if (iv.commentBefore)
                    reqNewline = true;
            }
            else if (item.value == null && ik?.comment) {
                comment = ik.comment;
            }
        }
        if (comment)
            reqNewline = true;
        let str = stringify.stringify(item, itemCtx, () => (comment = null));
        reqNewline || (reqNewline = lines.length > linesAtValue || str.includes('\n'));
        if (i < items.length - 1) {
            str += ',';
        }
        else if (ctx.options.trailingComma) {
            if (ctx.options.lineWidth > 0) {
                reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) +
                    (str.length + 2) >
                    ctx.options.lineWidth);
            }
            if (reqNewline) {
                str += ',';
            }
        }
        if (comment)
            str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        lines.push(str);
        linesAtValue = lines.length;
    }
    const { start, end } = flowChars;
    if (lines.length === 0) {
        return start + end;
    }
    else {
        if (!reqNewline) {
            const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
            reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
            let str = start;
            for (const line of lines)
                str += line ? `\n${indentStep}${indent}${line}` : '\n';
            return `${str}\n${indent}${end}`;
        }
        else {
            return `${start}${fcPadding}${lines.join(' ')}${fcPadding}${end}`;
        }
    }
}
function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
    if (comment && chompKeep)
        comment = comment.replace(/^\n+/, '');
    if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent);
        lines.push(ic.trimStart()); // Avoid double indent on first line
    }
}

exports.stringifyCollection = stringifyCollection;


/***/ }),

/***/ 9799:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Stringifies a comment.
 *
 * Empty comment lines are left empty,
 * lines consisting of a single space are replaced by `#`,
 * and all other lines are prefixed with a `#`.
 */
const stringifyComment = (str) => str.replace(/^(?!$)(?: $)?/gm, '#');
function indentComment(comment, indent) {
    if (/^\n+$/.test(comment))
        return comment.substring(1);
    return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
}
const lineComment = (str, indent, comment) => str.endsWith('\n')
    ? indentComment(comment, indent)
    : comment.includes('\n')
        ? '\n' + indentComment(comment, indent)
        : (str.endsWith(' ') ? '' : ' ') + comment;

exports.indentComment = indentComment;
exports.lineComment = lineComment;
exports.stringifyComment = stringifyComment;


/***/ }),

/***/ 6829:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyDocument(doc, options) {
    const lines = [];
    let hasDirectives = options.directives === true;
    if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
            lines.push(dir);
            hasDirectives = true;
        }
        else if (doc.directives.docStart)
            hasDirectives = true;
    }
    if (hasDirectives)
        lines.push('---');
    const ctx = stringify.createStringifyContext(doc, options);
    const { commentString } = ctx.options;
    if (doc.commentBefore) {
        if (lines.length !== 1)
            lines.unshift('');
        const cs = commentString(doc.commentBefore);
        lines.unshift(stringifyComment.indentComment(cs, ''));
    }
    let chompKeep = false;
    let contentComment = null;
    if (doc.contents) {
        if (identity.isNode(doc.contents)) {
            if (doc.contents.spaceBefore && hasDirectives)
                lines.push('');
            if (doc.contents.commentBefore) {
                const cs = commentString(doc.contents.commentBefore);
                lines.push(stringifyComment.indentComment(cs, ''));
            }
            // top-level block scalars need to be indented if followed by a comment
            ctx.forceBlockIndent = !!doc.comment;
            contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? undefined : () => (chompKeep = true);
        let body = stringify.stringify(doc.contents, ctx, () => (contentComment = null), onChompKeep);
        if (contentComment)
            body += stringifyComment.lineComment(body, '', commentString(contentComment));
        if ((body[0] === '|' || body[0] === '>') &&
            lines[lines.length - 1] === '---') {
            // Top-level block scalars with a preceding doc marker ought to use the
            // same line for their header.
            lines[lines.length - 1] = `--- ${body}`;
        }
        else
            lines.push(body);
    }
    else {
        lines.push(stringify.stringify(doc.contents, ctx));
    }
    if (doc.directives?.docEnd) {
        if (doc.comment) {
            const cs = commentString(doc.comment);
            if (cs.includes('\n')) {
                lines.push('...');
                lines.push(stringifyComment.indentComment(cs, ''));
            }
            else {
                lines.push(`... ${cs}`);
            }
        }
        else {
            lines.push('...');
        }
    }
    else {
        let dc = doc.comment;
        if (dc && chompKeep)
            dc = dc.replace(/^\n+/, '');
        if (dc) {
            if ((!chompKeep || contentComment) && lines[lines.length - 1] !== '')
                lines.push('');
            lines.push(stringifyComment.indentComment(commentString(dc), ''));
        }
    }
    return lines.join('\n') + '\n';
}

exports.stringifyDocument = stringifyDocument;


/***/ }),

/***/ 8689:
/***/ ((__unused_webpack_module, exports) => {



function stringifyNumber({ format, minFractionDigits, tag, value }) {
    if (typeof value === 'bigint')
        return String(value);
    const num = typeof value === 'number' ? value : Number(value);
    if (!isFinite(num))
        return isNaN(num) ? '.nan' : num < 0 ? '-.inf' : '.inf';
    let n = Object.is(value, -0) ? '-0' : JSON.stringify(value);
    if (!format &&
        minFractionDigits &&
        (!tag || tag === 'tag:yaml.org,2002:float') &&
        /^-?\d/.test(n) &&
        !n.includes('e')) {
        let i = n.indexOf('.');
        if (i < 0) {
            i = n.length;
            n += '.';
        }
        let d = minFractionDigits - (n.length - i - 1);
        while (d-- > 0)
            n += '0';
    }
    return n;
}

exports.stringifyNumber = stringifyNumber;


/***/ }),

/***/ 9748:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
    const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
    let keyComment = (identity.isNode(key) && key.comment) || null;
    if (simpleKeys) {
        if (keyComment) {
            throw new Error('With simple keys, key nodes cannot have comments');
        }
        if (identity.isCollection(key) || (!identity.isNode(key) && typeof key === 'object')) {
            const msg = 'With simple keys, collection cannot be used as a key value';
            throw new Error(msg);
        }
    }
    let explicitKey = !simpleKeys &&
        (!key ||
            (keyComment && value == null && !ctx.inFlow) ||
            identity.isCollection(key) ||
            (identity.isScalar(key)
                ? key.type === Scalar.Scalar.BLOCK_FOLDED || key.type === Scalar.Scalar.BLOCK_LITERAL
                : typeof key === 'object'));
    ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
    });
    let keyCommentDone = false;
    let chompKeep = false;
    let str = stringify.stringify(key, ctx, () => (keyCommentDone = true), () => (chompKeep = true));
    if (!explicitKey && !ctx.inFlow && str.length > 1024) {
        if (simpleKeys)
            throw new Error('With simple keys, single line scalar must not span more than 1024 characters');
        explicitKey = true;
    }
    if (ctx.inFlow) {
        if (allNullValues || value == null) {
            if (keyCommentDone && onComment)
                onComment();
            return str === '' ? '?' : explicitKey ? `? ${str}` : str;
        }
    }
    else if ((allNullValues && !simpleKeys) || (value == null && explicitKey)) {
        str = `? ${str}`;
        if (keyComment && !keyCommentDone) {
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        }
        else if (chompKeep && onChompKeep)
            onChompKeep();
        return str;
    }
    if (keyCommentDone)
        keyComment = null;
    if (explicitKey) {
        if (keyComment)
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        str = `? ${str}\n${indent}:`;
    }
    else {
        str = `${str}:`;
        if (keyComment)
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
    }
    let vsb, vcb, valueComment;
    if (identity.isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
    }
    else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === 'object')
            value = doc.createNode(value);
    }
    ctx.implicitKey = false;
    if (!explicitKey && !keyComment && identity.isScalar(value))
        ctx.indentAtStart = str.length + 1;
    chompKeep = false;
    if (!indentSeq &&
        indentStep.length >= 2 &&
        !ctx.inFlow &&
        !explicitKey &&
        identity.isSeq(value) &&
        !value.flow &&
        !value.tag &&
        !value.anchor) {
        // If indentSeq === false, consider '- ' as part of indentation where possible
        ctx.indent = ctx.indent.substring(2);
    }
    let valueCommentDone = false;
    const valueStr = stringify.stringify(value, ctx, () => (valueCommentDone = true), () => (chompKeep = true));
    let ws = ' ';
    if (keyComment || vsb || vcb) {
        ws = vsb ? '\n' : '';
        if (vcb) {
            const cs = commentString(vcb);
            ws += `\n${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === '' && !ctx.inFlow) {
            if (ws === '\n' && valueComment)
                ws = '\n\n';
        }
        else {
            ws += `\n${ctx.indent}`;
        }
    }
    else if (!explicitKey && identity.isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf('\n');
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
            let hasPropsLine = false;
            if (hasNewline && (vs0 === '&' || vs0 === '!')) {
                let sp0 = valueStr.indexOf(' ');
                if (vs0 === '&' &&
                    sp0 !== -1 &&
                    sp0 < nl0 &&
                    valueStr[sp0 + 1] === '!') {
                    sp0 = valueStr.indexOf(' ', sp0 + 1);
                }
                if (sp0 === -1 || nl0 < sp0)
                    hasPropsLine = true;
            }
            if (!hasPropsLine)
                ws = `\n${ctx.indent}`;
        }
    }
    else if (valueStr === '' || valueStr[0] === '\n') {
        ws = '';
    }
    str += ws + valueStr;
    if (ctx.inFlow) {
        if (valueCommentDone && onComment)
            onComment();
    }
    else if (valueComment && !valueCommentDone) {
        str += stringifyComment.lineComment(str, ctx.indent, commentString(valueComment));
    }
    else if (chompKeep && onChompKeep) {
        onChompKeep();
    }
    return str;
}

exports.stringifyPair = stringifyPair;


/***/ }),

/***/ 3069:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var foldFlowLines = __nccwpck_require__(4475);

const getFoldOptions = (ctx, isBlock) => ({
    indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
    lineWidth: ctx.options.lineWidth,
    minContentWidth: ctx.options.minContentWidth
});
// Also checks for lines starting with %, as parsing the output as YAML 1.1 will
// presume that's starting a new document.
const containsDocumentMarker = (str) => /^(%|---|\.\.\.)/m.test(str);
function lineLengthOverLimit(str, lineWidth, indentLength) {
    if (!lineWidth || lineWidth < 0)
        return false;
    const limit = lineWidth - indentLength;
    const strLen = str.length;
    if (strLen <= limit)
        return false;
    for (let i = 0, start = 0; i < strLen; ++i) {
        if (str[i] === '\n') {
            if (i - start > limit)
                return true;
            start = i + 1;
            if (strLen - start <= limit)
                return false;
        }
    }
    return true;
}
function doubleQuotedString(value, ctx) {
    const json = JSON.stringify(value);
    if (ctx.options.doubleQuotedAsJSON)
        return json;
    const { implicitKey } = ctx;
    const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
    const indent = ctx.indent || (containsDocumentMarker(value) ? '  ' : '');
    let str = '';
    let start = 0;
    for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === ' ' && json[i + 1] === '\\' && json[i + 2] === 'n') {
            // space before newline needs to be escaped to not be folded
            str += json.slice(start, i) + '\\ ';
            i += 1;
            start = i;
            ch = '\\';
        }
        if (ch === '\\')
            switch (json[i + 1]) {
                case 'u':
                    {
                        str += json.slice(start, i);
                        const code = json.substr(i + 2, 4);
                        switch (code) {
                            case '0000':
                                str += '\\0';
                                break;
                            case '0007':
                                str += '\\a';
                                break;
                            case '000b':
                                str += '\\v';
                                break;
                            case '001b':
                                str += '\\e';
                                break;
                            case '0085':
                                str += '\\N';
                                break;
                            case '00a0':
                                str += '\\_';
                                break;
                            case '2028':
                                str += '\\L';
                                break;
                            case '2029':
                                str += '\\P';
                                break;
                            default:
                                if (code.substr(0, 2) === '00')
                                    str += '\\x' + code.substr(2);
                                else
                                    str += json.substr(i, 6);
                        }
                        i += 5;
                        start = i + 1;
                    }
                    break;
                case 'n':
                    if (implicitKey ||
                        json[i + 2] === '"' ||
                        json.length < minMultiLineLength) {
                        i += 1;
                    }
                    else {
                        // folding will eat first newline
                        str += json.slice(start, i) + '\n\n';
                        while (json[i + 2] === '\\' &&
                            json[i + 3] === 'n' &&
                            json[i + 4] !== '"') {
                            str += '\n';
                            i += 2;
                        }
                        str += indent;
                        // space after newline needs to be escaped to not be folded
                        if (json[i + 2] === ' ')
                            str += '\\';
                        i += 1;
                        start = i + 1;
                    }
                    break;
                default:
                    i += 1;
            }
    }
    str = start ? str + json.slice(start) : json;
    return implicitKey
        ? str
        : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
}
function singleQuotedString(value, ctx) {
    if (ctx.options.singleQuote === false ||
        (ctx.implicitKey && value.includes('\n')) ||
        /[ \t]\n|\n[ \t]/.test(value) // single quoted string can't have leading or trailing whitespace around newline
    )
        return doubleQuotedString(value, ctx);
    const indent = ctx.indent || (containsDocumentMarker(value) ? '  ' : '');
    const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&\n${indent}`) + "'";
    return ctx.implicitKey
        ? res
        : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
}
function quotedString(value, ctx) {
    const { singleQuote } = ctx.options;
    let qs;
    if (singleQuote === false)
        qs = doubleQuotedString;
    else {
        const hasDouble = value.includes('"');
        const hasSingle = value.includes("'");
        if (hasDouble && !hasSingle)
            qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
            qs = doubleQuotedString;
        else
            qs = singleQuote ? singleQuotedString : doubleQuotedString;
    }
    return qs(value, ctx);
}
// The negative lookbehind avoids a polynomial search,
// but isn't supported yet on Safari: https://caniuse.com/js-regexp-lookbehind
let blockEndNewlines;
try {
    blockEndNewlines = new RegExp('(^|(?<!\n))\n+(?!\n|$)', 'g');
}
catch {
    blockEndNewlines = /\n+(?!\n|$)/g;
}
function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
    const { blockQuote, commentString, lineWidth } = ctx.options;
    // 1. Block can't end in whitespace unless the last line is non-empty.
    // 2. Strings consisting of only whitespace are best rendered explicitly.
    if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString(value, ctx);
    }
    const indent = ctx.indent ||
        (ctx.forceBlockIndent || containsDocumentMarker(value) ? '  ' : '');
    const literal = blockQuote === 'literal'
        ? true
        : blockQuote === 'folded' || type === Scalar.Scalar.BLOCK_FOLDED
            ? false
            : type === Scalar.Scalar.BLOCK_LITERAL
                ? true
                : !lineLengthOverLimit(value, lineWidth, indent.length);
    if (!value)
        return literal ? '|\n' : '>\n';
    // determine chomping from whitespace at value end
    let chomp;
    let endStart;
    for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== '\n' && ch !== '\t' && ch !== ' ')
            break;
    }
    let end = value.substring(endStart);
    const endNlPos = end.indexOf('\n');
    if (endNlPos === -1) {
        chomp = '-'; // strip
    }
    else if (value === end || endNlPos !== end.length - 1) {
        chomp = '+'; // keep
        if (onChompKeep)
            onChompKeep();
    }
    else {
        chomp = ''; // clip
    }
    if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === '\n')
            end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent}`);
    }
    // determine indent indicator from whitespace at value start
    let startWithSpace = false;
    let startEnd;
    let startNlPos = -1;
    for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === ' ')
            startWithSpace = true;
        else if (ch === '\n')
            startNlPos = startEnd;
        else
            break;
    }
    let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
    if (start) {
        value = value.substring(start.length);
        start = start.replace(/\n+/g, `$&${indent}`);
    }
    const indentSize = indent ? '2' : '1'; // root is at -1
    // Leading | or > is added later
    let header = (startWithSpace ? indentSize : '') + chomp;
    if (comment) {
        header += ' ' + commentString(comment.replace(/ ?[\r\n]+/g, ' '));
        if (onComment)
            onComment();
    }
    if (!literal) {
        const foldedValue = value
            .replace(/\n+/g, '\n$&')
            .replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, '$1$2') // more-indented lines aren't folded
            //                ^ more-ind. ^ empty     ^ capture next empty lines only at end of indent
            .replace(/\n+/g, `$&${indent}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== 'folded' && type !== Scalar.Scalar.BLOCK_FOLDED) {
            foldOptions.onOverflow = () => {
                literalFallback = true;
            };
        }
        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
            return `>${header}\n${indent}${body}`;
    }
    value = value.replace(/\n+/g, `$&${indent}`);
    return `|${header}\n${indent}${start}${value}${end}`;
}
function plainString(item, ctx, onComment, onChompKeep) {
    const { type, value } = item;
    const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
    if ((implicitKey && value.includes('\n')) ||
        (inFlow && /[[\]{},]/.test(value))) {
        return quotedString(value, ctx);
    }
    if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        // not allowed:
        // - '-' or '?'
        // - start with an indicator character (except [?:-]) or /[?-] /
        // - '\n ', ': ' or ' \n' anywhere
        // - '#' not preceded by a non-space char
        // - end with ' ' or ':'
        return implicitKey || inFlow || !value.includes('\n')
            ? quotedString(value, ctx)
            : blockString(item, ctx, onComment, onChompKeep);
    }
    if (!implicitKey &&
        !inFlow &&
        type !== Scalar.Scalar.PLAIN &&
        value.includes('\n')) {
        // Where allowed & type not set explicitly, prefer block style for multiline strings
        return blockString(item, ctx, onComment, onChompKeep);
    }
    if (containsDocumentMarker(value)) {
        if (indent === '') {
            ctx.forceBlockIndent = true;
            return blockString(item, ctx, onComment, onChompKeep);
        }
        else if (implicitKey && indent === indentStep) {
            return quotedString(value, ctx);
        }
    }
    const str = value.replace(/\n+/g, `$&\n${indent}`);
    // Verify that output will be parsed as a string, as e.g. plain numbers and
    // booleans get parsed with those types in v1.2 (e.g. '42', 'true' & '0.9e-3'),
    // and others in v1.1.
    if (actualString) {
        const test = (tag) => tag.default && tag.tag !== 'tag:yaml.org,2002:str' && tag.test?.test(str);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
            return quotedString(value, ctx);
    }
    return implicitKey
        ? str
        : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
}
function stringifyString(item, ctx, onComment, onChompKeep) {
    const { implicitKey, inFlow } = ctx;
    const ss = typeof item.value === 'string'
        ? item
        : Object.assign({}, item, { value: String(item.value) });
    let { type } = item;
    if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
        // force double quotes on control characters & unpaired surrogates
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
            type = Scalar.Scalar.QUOTE_DOUBLE;
    }
    const _stringify = (_type) => {
        switch (_type) {
            case Scalar.Scalar.BLOCK_FOLDED:
            case Scalar.Scalar.BLOCK_LITERAL:
                return implicitKey || inFlow
                    ? quotedString(ss.value, ctx) // blocks are not valid inside flow containers
                    : blockString(ss, ctx, onComment, onChompKeep);
            case Scalar.Scalar.QUOTE_DOUBLE:
                return doubleQuotedString(ss.value, ctx);
            case Scalar.Scalar.QUOTE_SINGLE:
                return singleQuotedString(ss.value, ctx);
            case Scalar.Scalar.PLAIN:
                return plainString(ss, ctx, onComment, onChompKeep);
            default:
                return null;
        }
    };
    let res = _stringify(type);
    if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t = (implicitKey && defaultKeyType) || defaultStringType;
        res = _stringify(t);
        if (res === null)
            throw new Error(`Unsupported default string type ${t}`);
    }
    return res;
}

exports.stringifyString = stringifyString;


/***/ }),

/***/ 204:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

const BREAK = Symbol('break visit');
const SKIP = Symbol('skip children');
const REMOVE = Symbol('remove node');
/**
 * Apply a visitor to an AST node or document.
 *
 * Walks through the tree (depth-first) starting from `node`, calling a
 * `visitor` function with three arguments:
 *   - `key`: For sequence values and map `Pair`, the node's index in the
 *     collection. Within a `Pair`, `'key'` or `'value'`, correspondingly.
 *     `null` for the root node.
 *   - `node`: The current node.
 *   - `path`: The ancestry of the current node.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this node, continue with next
 *     sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current node, then continue with the next one
 *   - `Node`: Replace the current node, then continue by visiting it
 *   - `number`: While iterating the items of a sequence or map, set the index
 *     of the next step. This is useful especially if the index of the current
 *     node has changed.
 *
 * If `visitor` is a single function, it will be called with all values
 * encountered in the tree, including e.g. `null` values. Alternatively,
 * separate visitor functions may be defined for each `Map`, `Pair`, `Seq`,
 * `Alias` and `Scalar` node. To define the same visitor function for more than
 * one node type, use the `Collection` (map and seq), `Value` (map, seq & scalar)
 * and `Node` (alias, map, seq & scalar) targets. Of all these, only the most
 * specific defined one will be used for each node.
 */
function visit(node, visitor) {
    const visitor_ = initVisitor(visitor);
    if (identity.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
            node.contents = null;
    }
    else
        visit_(null, node, visitor_, Object.freeze([]));
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visit.BREAK = BREAK;
/** Do not visit the children of the current node */
visit.SKIP = SKIP;
/** Remove the current node */
visit.REMOVE = REMOVE;
function visit_(key, node, visitor, path) {
    const ctrl = callVisitor(key, node, visitor, path);
    if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visit_(key, ctrl, visitor, path);
    }
    if (typeof ctrl !== 'symbol') {
        if (identity.isCollection(node)) {
            path = Object.freeze(path.concat(node));
            for (let i = 0; i < node.items.length; ++i) {
                const ci = visit_(i, node.items[i], visitor, path);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    node.items.splice(i, 1);
                    i -= 1;
                }
            }
        }
        else if (identity.isPair(node)) {
            path = Object.freeze(path.concat(node));
            const ck = visit_('key', node.key, visitor, path);
            if (ck === BREAK)
                return BREAK;
            else if (ck === REMOVE)
                node.key = null;
            const cv = visit_('value', node.value, visitor, path);
            if (cv === BREAK)
                return BREAK;
            else if (cv === REMOVE)
                node.value = null;
        }
    }
    return ctrl;
}
/**
 * Apply an async visitor to an AST node or document.
 *
 * Walks through the tree (depth-first) starting from `node`, calling a
 * `visitor` function with three arguments:
 *   - `key`: For sequence values and map `Pair`, the node's index in the
 *     collection. Within a `Pair`, `'key'` or `'value'`, correspondingly.
 *     `null` for the root node.
 *   - `node`: The current node.
 *   - `path`: The ancestry of the current node.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `Promise`: Must resolve to one of the following values
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this node, continue with next
 *     sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current node, then continue with the next one
 *   - `Node`: Replace the current node, then continue by visiting it
 *   - `number`: While iterating the items of a sequence or map, set the index
 *     of the next step. This is useful especially if the index of the current
 *     node has changed.
 *
 * If `visitor` is a single function, it will be called with all values
 * encountered in the tree, including e.g. `null` values. Alternatively,
 * separate visitor functions may be defined for each `Map`, `Pair`, `Seq`,
 * `Alias` and `Scalar` node. To define the same visitor function for more than
 * one node type, use the `Collection` (map and seq), `Value` (map, seq & scalar)
 * and `Node` (alias, map, seq & scalar) targets. Of all these, only the most
 * specific defined one will be used for each node.
 */
async function visitAsync(node, visitor) {
    const visitor_ = initVisitor(visitor);
    if (identity.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
            node.contents = null;
    }
    else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visitAsync.BREAK = BREAK;
/** Do not visit the children of the current node */
visitAsync.SKIP = SKIP;
/** Remove the current node */
visitAsync.REMOVE = REMOVE;
async function visitAsync_(key, node, visitor, path) {
    const ctrl = await callVisitor(key, node, visitor, path);
    if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visitAsync_(key, ctrl, visitor, path);
    }
    if (typeof ctrl !== 'symbol') {
        if (identity.isCollection(node)) {
            path = Object.freeze(path.concat(node));
            for (let i = 0; i < node.items.length; ++i) {
                const ci = await visitAsync_(i, node.items[i], visitor, path);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    node.items.splice(i, 1);
                    i -= 1;
                }
            }
        }
        else if (identity.isPair(node)) {
            path = Object.freeze(path.concat(node));
            const ck = await visitAsync_('key', node.key, visitor, path);
            if (ck === BREAK)
                return BREAK;
            else if (ck === REMOVE)
                node.key = null;
            const cv = await visitAsync_('value', node.value, visitor, path);
            if (cv === BREAK)
                return BREAK;
            else if (cv === REMOVE)
                node.value = null;
        }
    }
    return ctrl;
}
function initVisitor(visitor) {
    if (typeof visitor === 'object' &&
        (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
            Alias: visitor.Node,
            Map: visitor.Node,
            Scalar: visitor.Node,
            Seq: visitor.Node
        }, visitor.Value && {
            Map: visitor.Value,
            Scalar: visitor.Value,
            Seq: visitor.Value
        }, visitor.Collection && {
            Map: visitor.Collection,
            Seq: visitor.Collection
        }, visitor);
    }
    return visitor;
}
function callVisitor(key, node, visitor, path) {
    if (typeof visitor === 'function')
        return visitor(key, node, path);
    if (identity.isMap(node))
        return visitor.Map?.(key, node, path);
    if (identity.isSeq(node))
        return visitor.Seq?.(key, node, path);
    if (identity.isPair(node))
        return visitor.Pair?.(key, node, path);
    if (identity.isScalar(node))
        return visitor.Scalar?.(key, node, path);
    if (identity.isAlias(node))
        return visitor.Alias?.(key, node, path);
    return undefined;
}
function replaceNode(key, path, node) {
    const parent = path[path.length - 1];
    if (identity.isCollection(parent)) {
        parent.items[key] = node;
    }
    else if (identity.isPair(parent)) {
        if (key === 'key')
            parent.key = node;
        else
            parent.value = node;
    }
    else if (identity.isDocument(parent)) {
        parent.contents = node;
    }
    else {
        const pt = identity.isAlias(parent) ? 'alias' : 'scalar';
        throw new Error(`Cannot replace node with ${pt} parent`);
    }
}

exports.visit = visit;
exports.visitAsync = visitAsync;


/***/ }),

/***/ 2285:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  a: () => (/* binding */ runCli)
});

// UNUSED EXPORTS: EXIT

;// CONCATENATED MODULE: ./build/ncc/core/context.js
/** Remembers secrets and blanks them out of any text before it is shown. */
class Redactor {
    values = new Set();
    listeners = [];
    add(secret) {
        if (!secret)
            return;
        for (const value of [secret, ...secret.split(/\r?\n/)]) {
            const v = value.trim();
            // Very short values would blank out ordinary words; the runner applies the same rule.
            if (v.length < 4 || this.values.has(v))
                continue;
            this.values.add(v);
            for (const listener of this.listeners)
                listener(v);
        }
    }
    onAdd(listener) {
        this.listeners.push(listener);
        for (const v of this.values)
            listener(v);
    }
    redact(text) {
        let out = text;
        // Longest first, so a secret that contains another is blanked whole.
        for (const v of [...this.values].sort((a, b) => b.length - a.length)) {
            out = out.split(v).join('***');
        }
        return out;
    }
}
const systemClock = {
    now: () => new Date(),
    sleep: (ms, signal) => new Promise((resolve, reject) => {
        if (signal?.aborted)
            return reject(signal.reason);
        const timer = setTimeout(() => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
        }, ms);
        const onAbort = () => {
            clearTimeout(timer);
            reject(signal?.reason);
        };
        signal?.addEventListener('abort', onAbort, { once: true });
    })
};

// EXTERNAL MODULE: ./build/ncc/core/errors.js
var errors = __nccwpck_require__(5052);
;// CONCATENATED MODULE: ./build/ncc/runtime/run-environment.js
/** Canonical repository of Shiprail itself: the one place its name is written in code. */
const SHIPRAIL_REPOSITORY = 'shiprail/shiprail';
/**
 * What the edges (action, CLI) learn from the environment they run in: GitHub Actions' variables, or
 * the equivalents of GitLab CI, Jenkins and CircleCI for the CLI.
 * https://docs.github.com/en/actions/reference/variables-reference#default-environment-variables
 */
function readRunEnvironment(env, cwd) {
    const insideActions = env.GITHUB_ACTIONS === 'true';
    const server = env.GITHUB_SERVER_URL || 'https://github.com';
    const githubRunUrl = env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID
        ? `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}${env.GITHUB_RUN_ATTEMPT ? `/attempts/${env.GITHUB_RUN_ATTEMPT}` : ''}`
        : undefined;
    return {
        defaults: {
            insideActions,
            sha: env.GITHUB_SHA || env.CI_COMMIT_SHA || env.GIT_COMMIT || env.CIRCLE_SHA1 || undefined,
            repository: env.GITHUB_REPOSITORY || undefined,
            manual: insideActions ? env.GITHUB_EVENT_NAME === 'workflow_dispatch' : env.CI !== 'true'
        },
        runUrl: githubRunUrl || env.CI_JOB_URL || env.BUILD_URL || env.CIRCLE_BUILD_URL || undefined,
        actor: env.GITHUB_ACTOR ||
            env.GITLAB_USER_LOGIN ||
            env.BUILD_USER_ID ||
            env.CIRCLE_USERNAME ||
            env.USER ||
            undefined,
        workspace: env.GITHUB_WORKSPACE || cwd,
        apiUrl: env.GITHUB_API_URL || 'https://api.github.com',
        tempDir: env.RUNNER_TEMP || undefined
    };
}

// EXTERNAL MODULE: external "node:events"
var external_node_events_ = __nccwpck_require__(8474);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(8161);
// EXTERNAL MODULE: ./build/ncc/core/ledger/ledger.js
var ledger_ledger = __nccwpck_require__(6192);
;// CONCATENATED MODULE: ./build/ncc/core/ledger/file-environment-lock.js




/**
 * `ledger: file`: one lock file per environment beside the ledger
 * (`<ledger-file>.<environment>.lock`), created exclusively (O_EXCL) and naming its holder.
 * A lock whose process is gone on this machine is stale: removed, its deployment ended with
 * `error`, said in the log. A lock from another machine cannot be checked and is never guessed
 * stale; the refusal names the file to remove.
 */
class FileEnvironmentLock {
    ledgerPath;
    endAbandoned;
    constructor(ledgerPath, 
    /** Ends an abandoned holder's deployment. */
    endAbandoned) {
        this.ledgerPath = ledgerPath;
        this.endAbandoned = endAbandoned;
    }
    pathFor(environment) {
        // Environment names may hold `/`; the lock stays one file beside the ledger.
        return `${this.ledgerPath}.${environment.replace(/\//g, '%2F')}.lock`;
    }
    async tryLock(own, ctx) {
        const path = this.pathFor(own.environment);
        await (0,promises_.mkdir)((0,external_node_path_.dirname)(path), { recursive: true });
        const mine = {
            environment: own.environment,
            deploymentId: own.id,
            version: own.payload.version,
            runUrl: own.payload.run_url,
            since: ctx.clock.now().toISOString(),
            pid: process.pid,
            host: (0,external_node_os_.hostname)()
        };
        for (let attempt = 0;; attempt++) {
            try {
                const handle = await (0,promises_.open)(path, 'wx');
                try {
                    await handle.writeFile(JSON.stringify(mine, null, 2) + '\n');
                }
                finally {
                    await handle.close();
                }
                return { acquired: true, release: () => this.release(path, own.id) };
            }
            catch (err) {
                if (err.code !== 'EEXIST')
                    throw err;
            }
            const held = await readLock(path);
            // Vanished, or still being written: look again (a few times) before naming anyone.
            if (!held) {
                if (attempt < 5)
                    continue;
                return { acquired: false, holder: unknownHolder(path) };
            }
            if (attempt < 5 && isDeadHere(held)) {
                ctx.logger.warning(`Removing the stale lock of ${own.environment} (${path}): deployment ${held.deploymentId} of ${held.version}, process ${held.pid}@${held.host} is gone.`);
                await (0,promises_.rm)(path, { force: true });
                await this.endAbandoned(held.deploymentId, (0,ledger_ledger/* clampDescription */.gs)(`${ledger_ledger/* SHIPRAIL_MARK */.d0} abandoned: its process ${held.pid}@${held.host} died`)).catch(() => undefined);
                continue;
            }
            return {
                acquired: false,
                holder: {
                    deploymentId: held.deploymentId,
                    version: held.version,
                    runUrl: held.runUrl,
                    since: held.since,
                    process: `pid ${held.pid}@${held.host}, ${path}`
                }
            };
        }
    }
    async release(path, id) {
        // Only our own lock is removed: a lock taken over as stale belongs to someone else now.
        const held = await readLock(path);
        if (held?.deploymentId === id && held.pid === process.pid)
            await (0,promises_.rm)(path, { force: true });
    }
}
async function readLock(path) {
    try {
        const data = JSON.parse(await (0,promises_.readFile)(path, 'utf8'));
        if (typeof data.pid !== 'number' || typeof data.deploymentId !== 'string')
            return undefined;
        return data;
    }
    catch {
        return undefined;
    }
}
function isDeadHere(held) {
    if (held.host !== (0,external_node_os_.hostname)())
        return false;
    try {
        process.kill(held.pid, 0);
        return false;
    }
    catch (err) {
        return err.code === 'ESRCH';
    }
}
function unknownHolder(path) {
    return {
        deploymentId: '?',
        version: '?',
        runUrl: null,
        since: '?',
        process: `unreadable ${path}`
    };
}

;// CONCATENATED MODULE: ./build/ncc/core/ledger/ledger-file-schema.js
/**
 * The schema of the `ledger: file` JSON file, checked in full on every read: a hand-edited or
 * damaged file (`deployments: [null]`, a status of the wrong type, `nextId` missing) must stop
 * the step with the JSON path of the problem, before any rule reads it or any write repeats it.
 * Fields the schema does not name are allowed, so a newer Shiprail's additions do not break an
 * older one.
 */
function kindOf(value) {
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'a list';
    if (typeof value === 'object')
        return 'an object';
    if (typeof value === 'string')
        return `the string ${JSON.stringify(value).slice(0, 40)}`;
    return `${typeof value} ${String(value)}`;
}
const ledger_file_schema_text = (v, path) => typeof v === 'string' ? undefined : [path, `is ${kindOf(v)}, expected a string`];
const optional = (rule) => (v, path) => v === undefined ? undefined : rule(v, path);
const nullable = (rule) => (v, path) => v === null || v === undefined ? undefined : rule(v, path);
const oneOf = (values) => (v, path) => values.includes(v)
    ? undefined
    : [path, `is ${kindOf(v)}, expected one of ${values.map(x => JSON.stringify(x)).join(', ')}`];
const wholeNumber = (v, path) => Number.isSafeInteger(v) && v >= 1
    ? undefined
    : [path, `is ${v === undefined ? 'missing' : kindOf(v)}, expected a whole number from 1`];
function object(fields, what) {
    return (v, path) => {
        if (typeof v !== 'object' || v === null || Array.isArray(v))
            return [path, `is ${kindOf(v)}, expected ${what} (an object)`];
        for (const [name, rule] of Object.entries(fields)) {
            const value = v[name];
            const at = `${path}.${name}`;
            if (value === undefined && !rule(undefined, at))
                continue;
            const problem = rule(value, at);
            if (problem)
                return value === undefined ? [at, 'is missing'] : problem;
        }
        return undefined;
    };
}
function list(item) {
    return (v, path) => {
        if (!Array.isArray(v))
            return [path, `is ${kindOf(v)}, expected a list`];
        for (const [i, value] of v.entries()) {
            const problem = item(value, `${path}[${i}]`);
            if (problem)
                return problem;
        }
        return undefined;
    };
}
const STATES = ['in_progress', 'queued', 'pending', 'success', 'failure', 'error', 'inactive'];
const ledger_file_schema_status = object({
    state: oneOf(STATES),
    description: ledger_file_schema_text,
    environmentUrl: optional(ledger_file_schema_text),
    logUrl: optional(ledger_file_schema_text),
    createdAt: ledger_file_schema_text
}, 'a status');
const deployment = object({
    id: ledger_file_schema_text,
    environment: ledger_file_schema_text,
    ref: ledger_file_schema_text,
    createdAt: ledger_file_schema_text,
    creator: optional(ledger_file_schema_text),
    payload: object({
        version: ledger_file_schema_text,
        driver: ledger_file_schema_text,
        previous_version: nullable(ledger_file_schema_text),
        operation: oneOf(['deploy', 'rollback']),
        run_url: nullable(ledger_file_schema_text),
        previous_deployment_id: nullable(ledger_file_schema_text),
        rollback_of: nullable(ledger_file_schema_text),
        reason: nullable(ledger_file_schema_text),
        release: nullable(ledger_file_schema_text),
        image: nullable(ledger_file_schema_text),
        image_id: nullable(ledger_file_schema_text)
    }, 'a payload'),
    statuses: list(ledger_file_schema_status)
}, 'a deployment');
const ledgerFile = object({ schema: oneOf([1]), nextId: wholeNumber, deployments: list(deployment) }, 'a Shiprail ledger');
/**
 * Problems of a parsed ledger file, as one phrase naming the JSON path (`$.deployments[0] is
 * null, expected a deployment (an object)`), or undefined when it is sound. Besides the shapes:
 * ids are unique, and `nextId` is above every numeric id, so a new record never takes an old id.
 */
function ledgerFileProblem(data) {
    const problem = ledgerFile(data, '$');
    if (problem)
        return `${problem[0]} ${problem[1]}`;
    const { nextId, deployments } = data;
    const seen = new Set();
    for (const [i, d] of deployments.entries()) {
        if (seen.has(d.id))
            return `$.deployments[${i}].id repeats the id ${JSON.stringify(d.id)}`;
        seen.add(d.id);
        if (/^\d+$/.test(d.id) && Number(d.id) >= nextId)
            return `$.nextId is ${nextId}, expected more than the id ${d.id} of $.deployments[${i}]`;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./build/ncc/core/ledger/file-ledger.js







/** What the file system says when a path cannot be written (or its directory made). */
const UNWRITABLE_CODES = ['EACCES', 'EPERM', 'EROFS', 'ENOTDIR'];
/**
 * A path this job cannot write is said as such, naming the ledger file and the input, not as
 * an unexpected error about its lock file.
 */
function cannotWrite(path, err) {
    if (!UNWRITABLE_CODES.includes(err.code ?? ''))
        return err;
    return new errors/* UserError */.yo(`Cannot write the ledger file ${path} (${(0,errors/* errorMessage */.gJ)(err)}): set ledger-file to a path in a directory this job can write.`);
}
/** How long a writer may hold the lock before another process treats it as abandoned. */
const STALE_LOCK_MS = 30_000;
/** How long a writer waits for the lock before giving up. */
const LOCK_WAIT_MS = 15_000;
/**
 * `ledger: file`: the deploy history as one JSON file. Every change is a read-modify-write under
 * an exclusive lock file, written to a temporary file and renamed into place, so a reader never
 * sees half a file and two processes never lose each other's records.
 */
class FileLedger {
    path;
    clock;
    commitTime;
    wallTime;
    kind = 'file';
    commitSource = 'the local git repository (git show -s --format=%cI)';
    locking;
    constructor(path, clock, 
    /** Reads a commit's time where the deployments' commits live (the local repository). */
    commitTime, 
    /**
     * Wall time for the lock's wait limit and staleness, which compare with file times; a test
     * passes its own to reach the limits without waiting them out.
     */
    wallTime = Date.now) {
        this.path = path;
        this.clock = clock;
        this.commitTime = commitTime;
        this.wallTime = wallTime;
        this.locking = new FileEnvironmentLock(path, (id, description) => this.addStatus(id, { state: 'error', description }));
    }
    async *history(environment) {
        const data = await this.read();
        const records = data.deployments.filter(d => d.environment === environment);
        for (let i = records.length - 1; i >= 0; i--)
            yield records[i];
    }
    async create(deployment) {
        return this.update(data => {
            const now = this.clock.now().toISOString();
            const record = {
                id: String(data.nextId++),
                environment: deployment.environment,
                ref: deployment.ref,
                createdAt: now,
                payload: deployment.payload,
                statuses: [
                    {
                        state: 'in_progress',
                        description: deployment.description,
                        logUrl: deployment.logUrl,
                        createdAt: now
                    }
                ]
            };
            data.deployments.push(record);
            return record;
        });
    }
    async addStatus(id, status) {
        await this.update(data => {
            const record = data.deployments.find(d => d.id === id);
            if (!record)
                throw new errors/* UserError */.yo(`Deployment ${id} is not in the ledger file ${this.path}.`);
            // Keep statuses strictly ordered even when two land in the same millisecond.
            const last = record.statuses[record.statuses.length - 1]?.createdAt ?? '';
            let createdAt = this.clock.now().toISOString();
            if (createdAt <= last)
                createdAt = new Date(Date.parse(last) + 1).toISOString();
            record.statuses.push({ ...status, createdAt });
        });
    }
    async read() {
        let text;
        try {
            text = await (0,promises_.readFile)(this.path, 'utf8');
        }
        catch (err) {
            const code = err.code;
            if (code === 'ENOENT')
                return { schema: 1, nextId: 1, deployments: [] };
            // Only a missing file is an empty history: reading any other failure as one would let a
            // rollback pick from nothing and a deploy overwrite every record.
            throw new errors/* UserError */.yo(`The ledger file ${this.path} cannot be read (${code ?? (0,errors/* errorMessage */.gJ)(err)}); fix or move it, or set ledger-file to a path this job can read and write.`);
        }
        let data;
        try {
            data = JSON.parse(text);
        }
        catch {
            throw new errors/* UserError */.yo(`The ledger file ${this.path} is not valid JSON; fix or move it.`);
        }
        const problem = ledgerFileProblem(data);
        if (problem) {
            throw new errors/* UserError */.yo(`The ledger file ${this.path} is not a Shiprail ledger: ${problem}; fix or move it.`);
        }
        return data;
    }
    async update(change) {
        await (0,promises_.mkdir)((0,external_node_path_.dirname)(this.path), { recursive: true }).catch(err => {
            throw cannotWrite(this.path, err);
        });
        const release = await this.lock();
        try {
            const data = await this.read();
            const result = change(data);
            const tmp = `${this.path}.${process.pid}.${(0,external_node_crypto_.randomBytes)(4).toString('hex')}.tmp`;
            await (0,promises_.writeFile)(tmp, JSON.stringify(data, null, 2) + '\n');
            await (0,promises_.rename)(tmp, this.path);
            return result;
        }
        finally {
            await release();
        }
    }
    async lock() {
        const lockPath = `${this.path}.lock`;
        const deadline = this.wallTime() + LOCK_WAIT_MS;
        for (;;) {
            try {
                const handle = await (0,promises_.open)(lockPath, 'wx');
                await handle.writeFile(JSON.stringify({ pid: process.pid, host: (0,external_node_os_.hostname)(), since: new Date().toISOString() }));
                await handle.close();
                return () => (0,promises_.rm)(lockPath, { force: true });
            }
            catch (err) {
                if (err.code !== 'EEXIST')
                    throw cannotWrite(this.path, err);
            }
            if (await this.isStale(lockPath)) {
                await (0,promises_.rm)(lockPath, { force: true });
                continue;
            }
            if (this.wallTime() > deadline) {
                throw new errors/* UserError */.yo(`The ledger file ${this.path} stayed locked for ${LOCK_WAIT_MS / 1000} s (${lockPath}).`);
            }
            await this.clock.sleep(10 + Math.random() * 40);
        }
    }
    async isStale(lockPath) {
        try {
            const info = await (0,promises_.stat)(lockPath);
            if (this.wallTime() - info.mtimeMs > STALE_LOCK_MS)
                return true;
            const holder = JSON.parse(await (0,promises_.readFile)(lockPath, 'utf8'));
            if (holder.host === (0,external_node_os_.hostname)() && typeof holder.pid === 'number') {
                try {
                    process.kill(holder.pid, 0);
                }
                catch (err) {
                    return err.code === 'ESRCH';
                }
            }
            return false;
        }
        catch {
            // Vanished or half-written: let the next attempt decide.
            return false;
        }
    }
}

;// CONCATENATED MODULE: ./build/ncc/core/ledger/none-ledger.js
/** `ledger: none`: nothing is recorded and there is no history to read. */
class NoneLedger {
    kind = 'none';
    async *history() { }
    async create(deployment) {
        return {
            id: '',
            environment: deployment.environment,
            ref: deployment.ref,
            createdAt: new Date().toISOString(),
            payload: deployment.payload,
            statuses: []
        };
    }
    async addStatus() { }
}

// EXTERNAL MODULE: ./build/ncc/core/process-runner.js
var process_runner = __nccwpck_require__(2069);
;// CONCATENATED MODULE: ./build/ncc/runtime/git-commit-time.js

/** A commit is asked for by its SHA only, so nothing else can reach git's command line. */
const SHA = /^[0-9a-f]{7,64}$/i;
/**
 * Commit times from the local git repository around the workspace, for the file ledger's lead
 * time. git gets no environment but PATH: it needs none of the run's variables (or secrets).
 */
function gitCommitTime(workspace) {
    const cache = new Map();
    const read = async (ref) => {
        if (!SHA.test(ref))
            return undefined;
        const result = await (0,process_runner/* runProcess */.R)('git', {
            args: ['-C', workspace, 'show', '-s', '--format=%cI', ref],
            env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LC_ALL: 'C' },
            timeoutMs: 10_000,
            capture: true
        }).catch(() => undefined);
        const text = result?.exitCode === 0 ? result.stdout.trim() : '';
        const date = text ? new Date(text) : undefined;
        return date && !Number.isNaN(date.getTime()) ? date : undefined;
    };
    return ref => {
        let time = cache.get(ref);
        if (!time) {
            time = read(ref);
            cache.set(ref, time);
        }
        return time;
    };
}

;// CONCATENATED MODULE: ./build/ncc/runtime/ledger-factory.js




/** Builds the ledger the settings ask for. A dry run reads history but must not write it. */
async function createLedger(settings, deps) {
    let ledger;
    if (settings.ledger === 'github' && settings.token) {
        // Loaded on demand so file-ledger and CLI runs do not pay for Octokit's start-up.
        const { createGitHubClient } = await Promise.all(/* import() */[__nccwpck_require__.e(239), __nccwpck_require__.e(834)]).then(__nccwpck_require__.bind(__nccwpck_require__, 7834));
        const { GitHubLedger } = await __nccwpck_require__.e(/* import() */ 40).then(__nccwpck_require__.bind(__nccwpck_require__, 8040));
        ledger = new GitHubLedger(createGitHubClient(settings.token, deps.apiUrl, deps.logger), settings.repository);
    }
    else if (settings.ledger === 'file') {
        ledger = new FileLedger((0,external_node_path_.resolve)(deps.workspace, settings.ledgerFile), deps.clock, gitCommitTime(deps.workspace));
    }
    else {
        ledger = new NoneLedger();
    }
    return settings.dryRun ? readOnly(ledger) : ledger;
}
function readOnly(ledger) {
    const refuse = async () => {
        throw new Error('dry-run: the ledger is read-only');
    };
    return {
        kind: ledger.kind,
        history: env => ledger.history(env),
        commitTime: ledger.commitTime?.bind(ledger),
        commitSource: ledger.commitSource,
        create: refuse,
        addStatus: refuse
    };
}

;// CONCATENATED MODULE: ./build/ncc/core/inputs.js
/**
 * Every input of every step, defined once. The action.yml files, the CLI flags, the defaults
 * applied when a value is empty, and the README tables all come from this table
 * (`npm run generate` writes the action.yml files; a test checks they are fresh).
 */
const STEPS = ['deploy', 'smoke-test', 'status-check', 'rollback', 'history'];
const ALL = STEPS;
const DEPLOYING = ['deploy', 'rollback'];
const PROBING = ['smoke-test', 'status-check'];
const INPUT_LIST = [
    // Common: every step has these.
    {
        name: 'environment',
        description: 'GitHub environment name, e.g. `staging` or `production`.',
        requiredFor: ['deploy', 'rollback', 'status-check', 'history'],
        steps: ALL
    },
    {
        name: 'token',
        description: 'Token for the Deployments API (needs `deployments: write`).',
        actionDefault: '${{ github.token }}',
        steps: ALL,
        secret: true
    },
    {
        name: 'ledger',
        description: 'Where deploy history lives: `github` (Deployments API), `file` (JSON file at `ledger-file`) or `none`. Default: `github` inside Actions, `file` elsewhere.',
        steps: ALL
    },
    {
        name: 'ledger-file',
        description: 'Path of the JSON ledger when `ledger: file`.',
        default: '.shiprail/ledger.json',
        steps: ALL
    },
    {
        name: 'dry-run',
        description: 'Print the plan; write nothing to hosts or to the ledger.',
        default: 'false',
        steps: ALL,
        boolean: true
    },
    // deploy: what goes live, how (driver), and where the record goes.
    {
        name: 'version',
        description: 'Label of what is deployed (semver, SHA, image tag): `[A-Za-z0-9][A-Za-z0-9._+-]{0,127}`.',
        requiredFor: ['deploy'],
        steps: ['deploy']
    },
    {
        name: 'ref',
        description: "Commit recorded with the deployment, as a full 40-hex SHA. Default: the run's commit.",
        actionDefault: '${{ github.sha }}',
        steps: DEPLOYING
    },
    {
        name: 'driver',
        description: 'How the version is put live: `command` (your script), `releases` (release directories over SSH) or `containers` (Docker containers behind a health-gated switch).',
        default: 'command',
        steps: DEPLOYING
    },
    {
        name: 'environment-url',
        description: 'URL shown on the Environments page and given back as an output.',
        steps: DEPLOYING
    },
    {
        name: 'production-environment',
        description: 'Whether this is a production environment. Default: true when `environment` is `production` or `prod`.',
        steps: DEPLOYING,
        boolean: true
    },
    {
        name: 'notify-url',
        description: 'Webhook (secret) that gets a Slack-compatible JSON message after the step, success or failure.',
        steps: DEPLOYING,
        secret: true
    },
    {
        name: 'promote-from',
        description: 'Environment where this exact version, from the same commit (`ref`), must already have deployed and passed its checks; otherwise the deploy refuses.',
        steps: ['deploy']
    },
    {
        name: 'run',
        description: "command driver: bash script (`bash -eo pipefail`) that deploys `$SHIPRAIL_VERSION`. Gets `SHIPRAIL_ENVIRONMENT`, `SHIPRAIL_VERSION`, `SHIPRAIL_PREVIOUS_VERSION`, `SHIPRAIL_REF`, `SHIPRAIL_DEPLOYMENT_ID`, `SHIPRAIL_OPERATION`, and the job's environment without Shiprail's secrets (no `INPUT_*`, no token, key or webhook URL).",
        steps: DEPLOYING
    },
    {
        name: 'rollback-run',
        description: 'command driver: script used by rollback. Default: `run` with the target version.',
        steps: DEPLOYING
    },
    {
        name: 'run-timeout',
        description: 'command driver: seconds the script may run before it is stopped and the step fails.',
        default: '1800',
        steps: DEPLOYING
    },
    {
        name: 'source',
        description: 'releases driver: a directory or a `.tar.gz`/`.tgz` on the runner.',
        steps: ['deploy']
    },
    {
        name: 'hosts',
        description: 'releases driver: newline- or comma-separated `[user@]host[:port]`; `local` is this machine, no SSH.',
        default: 'local',
        steps: DEPLOYING
    },
    {
        name: 'path',
        description: 'releases driver: deploy root on every host. containers driver: state directory (lock, history) on every host; default `~/.shiprail/<service>`.',
        steps: DEPLOYING
    },
    {
        name: 'ssh-key',
        description: 'releases driver: private SSH key (secret).',
        steps: DEPLOYING,
        secret: true
    },
    {
        name: 'known-hosts',
        description: 'releases driver: known_hosts lines for the hosts. Required for remote hosts unless `ssh-strict-host-key-checking: false`.',
        steps: DEPLOYING
    },
    {
        name: 'ssh-strict-host-key-checking',
        description: 'releases driver: verify host keys. Turning it off is logged as a warning.',
        default: 'true',
        steps: DEPLOYING,
        boolean: true
    },
    {
        name: 'keep-releases',
        description: 'releases driver: releases kept per host; the live one and the rollback target are never pruned.',
        default: '5',
        steps: ['deploy']
    },
    // Files and directories apart (Capistrano's linked_files / linked_dirs): a missing shared file
    // must fail the deploy, never become an empty directory the app then trips over.
    {
        name: 'shared-files',
        description: 'releases driver: files linked from `<path>/shared/` into every release (`.env`, `config/master.key`). One missing on a host (and not in the build, which would seed it) fails the deploy before the switch.',
        steps: ['deploy']
    },
    {
        name: 'shared-dirs',
        description: 'releases driver: directories linked from `<path>/shared/` into every release (`storage`, `public/uploads`); created (seeded from the build, or empty) when missing.',
        steps: ['deploy']
    },
    {
        name: 'shared-paths',
        description: 'releases driver, deprecated: use `shared-files` and `shared-dirs`. An entry ending in `/` is a directory, any other a file.',
        steps: ['deploy']
    },
    {
        name: 'before-switch',
        description: 'releases driver: command run on each host inside the new release before the switch. containers driver: run once, on the first host, in a one-off container of the new image (migrations).',
        steps: ['deploy']
    },
    {
        name: 'before-switch-once',
        description: 'releases driver: command run once, on the first host of `hosts`, inside its new release, after its `before-switch` and before the other hosts run theirs (migrations). A failure switches no host.',
        steps: ['deploy']
    },
    {
        name: 'after-switch',
        description: 'releases driver: command run on each host after the switch (reload a service).',
        steps: DEPLOYING
    },
    {
        name: 'parallel',
        description: 'releases driver: hosts worked on at once.',
        default: '10',
        steps: DEPLOYING
    },
    {
        name: 'lock-timeout',
        description: "Seconds to wait for another deploy of the environment (its ledger lock, and the releases driver's host locks); 0 fails at once, naming the holder.",
        default: '0',
        steps: DEPLOYING
    },
    // containers driver; hosts, path, ssh-*, parallel, lock-timeout, keep-releases and
    // the switch hooks are shared with the releases driver above.
    {
        name: 'image',
        description: 'containers driver: image to run (`name:tag`, `registry/name:tag` or `…@sha256:…`); pulled on each host unless present.',
        steps: ['deploy']
    },
    {
        name: 'image-archive',
        description: 'containers driver: a `docker save` tarball (`.tar`, `.tar.gz`) on the runner, uploaded and `docker load`ed on each host instead of a pull.',
        steps: ['deploy']
    },
    {
        name: 'service',
        description: 'containers driver: service name on the hosts, `[a-z0-9][a-z0-9_.-]{0,62}`; containers are named `<service>-<release>`.',
        steps: DEPLOYING
    },
    {
        name: 'container-port',
        description: 'containers driver: port the app listens on inside the container; with `proxy: nginx` it is published on a free 127.0.0.1 port of each host.',
        steps: DEPLOYING
    },
    {
        name: 'health-path',
        description: "containers driver: HTTP path polled on each new container until it answers 2xx. Without it the image's `HEALTHCHECK` is awaited, else the container must still run after 5 s.",
        steps: DEPLOYING
    },
    {
        name: 'health-timeout',
        description: 'containers driver: seconds for every new container to become healthy, else the deploy fails and the new containers are removed.',
        default: '60',
        steps: DEPLOYING
    },
    {
        name: 'docker-args',
        description: 'containers driver: extra `docker run` arguments, one per line (`--env-file=/etc/app.env`); `--name`, `--publish`/`-p`, `--detach`/`-d` and `--rm` are refused.',
        steps: DEPLOYING
    },
    {
        name: 'proxy',
        description: 'containers driver: `nginx` (switch an upstream file, then drain the old container) or `none` (stop the old container, start the new one).',
        default: 'none',
        steps: DEPLOYING
    },
    {
        name: 'publish',
        description: "containers driver: with `proxy: none`, the live container's `docker run --publish` value (`80:8080`, `127.0.0.1:3000:3000`).",
        steps: DEPLOYING
    },
    {
        name: 'upstream-file',
        description: 'containers driver: required with `proxy: nginx`; the file an nginx `upstream { include …; }` block includes, replaced atomically.',
        steps: DEPLOYING
    },
    {
        name: 'proxy-reload',
        description: 'containers driver: command run on each host after its upstream file changes.',
        default: 'nginx -s reload',
        steps: DEPLOYING
    },
    {
        name: 'drain-seconds',
        description: 'containers driver: seconds the old container keeps running after the switch before it is stopped (kept for rollback).',
        default: '10',
        steps: DEPLOYING
    },
    // smoke-test and status-check: the checks both run, and each one's run control.
    {
        name: 'url',
        description: 'Base URL; checks with a `path` are joined to it. Alone, it is one check that expects 2xx.',
        steps: PROBING
    },
    {
        name: 'checks',
        description: 'List of checks (format: docs/checks.md): inline YAML, or a path to a `.yml`, `.yaml` or `.json` file.',
        steps: PROBING
    },
    {
        name: 'timeout',
        description: 'smoke-test: overall deadline in seconds.',
        default: '120',
        steps: ['smoke-test']
    },
    {
        name: 'request-timeout',
        description: 'Seconds one request may take.',
        default: '10',
        steps: PROBING
    },
    {
        name: 'retry-interval',
        description: 'smoke-test: first wait between attempts in seconds, then exponential with jitter.',
        default: '1',
        steps: ['smoke-test']
    },
    {
        name: 'consecutive-successes',
        description: 'smoke-test: passes in a row a check needs.',
        default: '1',
        steps: ['smoke-test']
    },
    {
        name: 'concurrency',
        description: 'Checks run at once.',
        default: '8',
        steps: PROBING
    },
    {
        name: 'interval',
        description: 'status-check: seconds between rounds of probes and queries.',
        default: '10',
        steps: ['status-check']
    },
    {
        name: 'duration',
        description: 'status-check: length of the watch window in seconds.',
        default: '60',
        steps: ['status-check']
    },
    // One blip is not an outage: the defaults let a single failed probe of the default window's 7
    // per check through, and fail on two in a row or on two of 7 (docs: "What the defaults tolerate").
    {
        name: 'min-success-rate',
        description: "status-check: lowest share of each check's probes that must pass, 0 to 1. The default lets 1 failed probe of 7 through (the default 60 s window, every 10 s).",
        default: '0.85',
        steps: ['status-check']
    },
    {
        name: 'max-consecutive-failures',
        description: 'status-check: failed probes in a row a check may have; one more is an outage, not a blip, and ends the window unhealthy.',
        default: '1',
        steps: ['status-check']
    },
    {
        name: 'max-p95-latency-ms',
        description: 'status-check: highest allowed 95th-percentile probe latency.',
        steps: ['status-check']
    },
    {
        name: 'prometheus-url',
        description: 'status-check: base URL of a Prometheus server.',
        steps: ['status-check']
    },
    {
        name: 'prometheus-queries',
        description: 'status-check: YAML list of `name`, `query`, `max` and/or `min`.',
        steps: ['status-check']
    },
    {
        name: 'record-verdict',
        description: '`auto`: record the verdict on the live deployment only when this same workflow run created it (a check run by hand only reports); `true`: always; `false`: never.',
        default: 'auto',
        steps: PROBING
    },
    {
        name: 'on-no-data',
        description: 'status-check: what a query with no data means: `fail` or `pass`.',
        default: 'fail',
        steps: ['status-check']
    },
    {
        name: 'log-command',
        description: 'status-check: command whose output is scanned for errors at the end of the window.',
        steps: ['status-check']
    },
    {
        name: 'log-error-pattern',
        description: 'status-check: regular expression a log line matches when it is an error.',
        default: '\\b(ERROR|FATAL|panic)\\b',
        steps: ['status-check']
    },
    {
        name: 'max-log-errors',
        description: 'status-check: error lines allowed.',
        default: '0',
        steps: ['status-check']
    },
    // rollback: the target (default: newest known-good before the live one) and why.
    {
        name: 'to-version',
        description: 'rollback: version to return to. Default: the newest known-good version before the live one (a verified one first, else one with no check recorded).',
        steps: ['rollback']
    },
    {
        name: 'reason',
        description: 'rollback: why; recorded in the ledger. Required for a manual rollback of production (one of a deployment this run did not create).',
        steps: ['rollback']
    },
    {
        name: 'force',
        description: 'rollback: allow a `to-version` that never deployed successfully here.',
        default: 'false',
        steps: ['rollback'],
        boolean: true
    },
    // history: an environment's deployments and delivery metrics.
    {
        name: 'metrics',
        description: 'history: also compute deployment frequency, lead time, change failure rate and time to restore.',
        default: 'false',
        steps: ['history'],
        boolean: true
    },
    {
        name: 'since',
        description: 'history: only deployments created in this window: `30d`, `12h`, `2w`, or a date like `2026-11-01`. Default: all.',
        steps: ['history']
    }
];
const INPUTS = INPUT_LIST;
/** Variable a CLI input can also come from, so secrets need not be on the command line. */
function envNameFor(input) {
    return `SHIPRAIL_${input.toUpperCase().replace(/-/g, '_')}`;
}
/** The root action's extra input choosing the step. */
const STEP_INPUT = 'step';
function inputsFor(step) {
    return INPUTS.filter(i => i.steps.includes(step));
}
function inputDef(name) {
    return INPUTS.find(i => i.name === name);
}
const STATE = {
    isPost: 'isPost',
    deploymentId: 'deploymentId',
    finished: 'finished'
};

;// CONCATENATED MODULE: ./build/ncc/runtime/script-environment.js

/**
 * The one place the environment of every program Shiprail starts for the user is built: the
 * `run` and `rollback-run` scripts, local before-switch/after-switch hooks, `log-command`, and
 * the ssh and rsync processes behind them.
 *
 * The rule: a child never receives a secret Shiprail was given, under any name. The runner hands
 * an action its inputs as INPUT_<NAME> variables (the token, the SSH key, the webhook URL among
 * them), and a CLI user hands them as SHIPRAIL_<NAME> or GITHUB_TOKEN; a deploy script runs npm
 * packages and kubectl plugins that could read all of it. So every INPUT_* variable, every
 * SHIPRAIL_<secret input> variable, and every variable whose value is a secret input's value is
 * dropped. Everything else the user set (their `env:`, cloud credentials, the OIDC request
 * variables) still reaches the script: that is how a script is meant to get its own credentials.
 */
function scriptEnvironment(env, secretValues) {
    const secrets = new Set(secretValues.map(normalise).filter(v => v !== ''));
    const secretNames = new Set(INPUTS.filter(i => i.secret).map(i => envNameFor(i.name)));
    const out = {};
    for (const [name, value] of Object.entries(env)) {
        if (value === undefined)
            continue;
        if (/^INPUT_/i.test(name) || secretNames.has(name))
            continue;
        if (secrets.has(normalise(value)))
            continue;
        out[name] = value;
    }
    return out;
}
/** A pasted key may differ from its copy in a variable by line ends and surrounding blanks. */
function normalise(value) {
    return value.replace(/\r\n/g, '\n').trim();
}
/** The values of the secret inputs among raw inputs (token, ssh-key, notify-url). */
function secretInputValues(raw) {
    return INPUTS.filter(i => i.secret)
        .map(i => raw[i.name] ?? '')
        .filter(v => v.trim() !== '');
}
/** What both adapters hand the engine about the run; `env` is the stripped script environment. */
function runInfo(run, env, raw) {
    return {
        runUrl: run.runUrl,
        actor: run.actor,
        workspace: run.workspace,
        env: scriptEnvironment(env, secretInputValues(raw)),
        tempDir: run.tempDir,
        manual: run.defaults.manual
    };
}

;// CONCATENATED MODULE: ./build/ncc/runtime/step-context.js




/** Listeners the cancellation signal may have at once (hosts x commands, and margin). */
const STEP_LISTENERS = 1000;
/** The one place a step's Context is built, so the action and the CLI run the same engine. */
async function createStepContext(parts) {
    const clock = parts.clock ?? systemClock;
    // Every process a step runs listens to the cancellation (one per host and command at once):
    // a deploy to 8 hosts passes Node's default of 10 and would print a leak warning.
    (0,external_node_events_.setMaxListeners)(STEP_LISTENERS, parts.signal);
    const ledger = await createLedger(parts.settings, {
        apiUrl: parts.run.apiUrl,
        workspace: parts.run.workspace,
        logger: parts.logger,
        clock
    });
    const ctx = {
        logger: parts.logger,
        clock,
        ledger,
        secrets: parts.secrets,
        signal: parts.signal,
        run: runInfo(parts.run, parts.env, parts.raw)
    };
    if (parts.onDeploymentStarted)
        ctx.onDeploymentStarted = parts.onDeploymentStarted;
    if (parts.onDeploymentFinished)
        ctx.onDeploymentFinished = parts.onDeploymentFinished;
    return ctx;
}

;// CONCATENATED MODULE: ./build/ncc/report/summary.js
/** A dry run's plan, one step a row; logged already, so the terminal leaves it out. */
function planTable(plan) {
    return { caption: 'Plan', header: ['step'], rows: plan.map(line => [line]), logged: true };
}
function escapeCell(text) {
    return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
function markdownTable(table) {
    const lines = [
        `| ${table.header.map(escapeCell).join(' | ')} |`,
        `| ${table.header.map(() => '---').join(' | ')} |`,
        ...table.rows.map(r => `| ${r.map(escapeCell).join(' | ')} |`)
    ];
    return (table.caption ? `**${escapeCell(table.caption)}**\n\n` : '') + lines.join('\n');
}
function toMarkdown(doc) {
    const parts = [`### ${doc.title}`, doc.verdict];
    // A list, not a table: a GFM table needs a header row, and an empty one renders as a blank band.
    if (doc.facts.length) {
        parts.push(doc.facts.map(([k, v]) => `- **${k}**: ${escapeCell(v)}`).join('\n'));
    }
    for (const t of doc.tables)
        parts.push(markdownTable(t));
    for (const block of doc.markdownBlocks ?? [])
        parts.push(block);
    if (doc.links?.length)
        parts.push(doc.links.map(([label, url]) => `[${label}](${url})`).join(' · '));
    return parts.join('\n\n') + '\n';
}
/**
 * Columns a terminal gives the text: an emoji drawn as a picture (✅ ❌ ⏪) and East Asian wide
 * characters take two, joiners, variation selectors and combining marks none.
 */
function displayWidth(text) {
    let width = 0;
    for (const ch of text) {
        const code = ch.codePointAt(0);
        const invisible = /\p{M}/u.test(ch) || (code >= 0x200b && code <= 0x200f) || (code >= 0xfe00 && code <= 0xfe0f);
        if (invisible)
            continue;
        const wide = /\p{Emoji_Presentation}/u.test(ch) ||
            (code >= 0x1100 && code <= 0x115f) ||
            (code >= 0x2e80 && code <= 0xa4cf) ||
            (code >= 0xac00 && code <= 0xd7a3) ||
            (code >= 0xf900 && code <= 0xfaff) ||
            (code >= 0xfe30 && code <= 0xfe4f) ||
            (code >= 0xff00 && code <= 0xff60) ||
            (code >= 0xffe0 && code <= 0xffe6);
        width += wide ? 2 : 1;
    }
    // A text-style symbol followed by VS16 (⚠️) is drawn as an emoji too.
    width += text.match(/(?![\p{Emoji_Presentation}])\p{Extended_Pictographic}\uFE0F/gu)?.length ?? 0;
    return width;
}
function padCell(text, width) {
    return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}
function textTable(table) {
    const all = [table.header, ...table.rows].map(r => r.map(c => plain(c ?? '')));
    const widths = table.header.map((_, i) => Math.max(...all.map(r => displayWidth(r[i] ?? ''))));
    const line = (r) => r
        .map((c, i) => padCell(c, widths[i]))
        .join('  ')
        .trimEnd();
    const [header, ...rows] = all;
    const out = [line(header), widths.map(w => '-'.repeat(w)).join('  '), ...rows.map(line)];
    return (table.caption ? `${table.caption}\n` : '') + out.join('\n');
}
/** Drops Markdown emphasis and code marks for the terminal. */
function plain(text) {
    return text.replace(/\*\*|`/g, '');
}
function toneOf(verdict) {
    if (/^[✅⏪]/u.test(verdict))
        return 'good';
    if (verdict.startsWith('❌'))
        return 'bad';
    return 'neutral';
}
function toText(doc, style) {
    const verdict = plain(doc.verdict);
    const parts = [
        style ? style.title(doc.title) : doc.title,
        style ? style.verdict(verdict, toneOf(verdict)) : verdict
    ];
    if (doc.facts.length) {
        const width = Math.max(...doc.facts.map(([k]) => displayWidth(k)));
        parts.push(doc.facts.map(([k, v]) => `  ${padCell(k, width)}  ${plain(v)}`).join('\n'));
    }
    for (const t of doc.tables)
        if (!t.logged)
            parts.push(textTable(t));
    if (doc.links?.length)
        parts.push(doc.links.map(([label, url]) => `${label}: ${url}`).join('\n'));
    return parts.join('\n\n') + '\n';
}

;// CONCATENATED MODULE: ./build/ncc/core/checks/yaml-fields.js

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
        return new errors/* InputError */.dz('checks', `has ${problem} in \`${field}\` of ${this}`, accepted);
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

;// CONCATENATED MODULE: ./build/ncc/core/settings/input-reader.js


/** Shows a bad value in an error without letting it break the line or run on. */
function showValue(value) {
    const shown = JSON.stringify(value);
    return shown.length > 60 ? `${shown.slice(0, 57)}..."` : shown;
}
/** C0 controls other than tab and line breaks, DEL, and the C1 controls (ESC's 8-bit twins). */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
/**
 * Every input, before any is used: a control character in a `reason` or a version would reach
 * the terminal (ESC rewrites what a reader sees), the ledger, the summary and the webhook. The
 * value is never echoed: the input may be a secret.
 */
function refuseControlCharacters(raw) {
    for (const [name, value] of Object.entries(raw)) {
        const at = value?.search(CONTROL) ?? -1;
        if (at < 0)
            continue;
        const code = value.charCodeAt(at).toString(16).toUpperCase().padStart(4, '0');
        throw new errors/* InputError */.dz(name, `has the control character U+${code} at character ${at + 1}`, 'text without control characters (tabs and line breaks are fine)');
    }
}
/**
 * Reads raw input values (from INPUT_* or CLI flags) with the defaults of the input table.
 * Every method throws InputError naming the input, the problem and the accepted form.
 */
class InputReader {
    raw;
    constructor(raw) {
        this.raw = raw;
        refuseControlCharacters(raw);
    }
    /** The trimmed value, or the input's default, or ''. */
    string(name) {
        const given = (this.raw[name] ?? '').trim();
        if (given !== '')
            return given;
        return inputDef(name)?.default ?? '';
    }
    /** The value exactly as given (multi-line scripts keep their indentation). */
    text(name) {
        const given = this.raw[name] ?? '';
        return given.trim() === '' ? (inputDef(name)?.default ?? '') : given;
    }
    has(name) {
        return (this.raw[name] ?? '').trim() !== '';
    }
    required(name, accepted, why = '') {
        const value = this.string(name);
        if (value === '')
            throw new errors/* InputError */.dz(name, `is required${why}`, accepted);
        return value;
    }
    /** YAML 1.2 core schema booleans, as @actions/core getBooleanInput accepts. */
    bool(name) {
        const value = this.string(name);
        if (['true', 'True', 'TRUE'].includes(value))
            return true;
        if (['false', 'False', 'FALSE'].includes(value))
            return false;
        throw new errors/* InputError */.dz(name, `is ${showValue(value)}`, '`true` or `false`');
    }
    optionalBool(name) {
        return this.has(name) || inputDef(name)?.default ? this.bool(name) : undefined;
    }
    int(name, min, max) {
        const value = this.string(name);
        if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
            throw new errors/* InputError */.dz(name, `is ${showValue(value)}`, `a whole number from ${min} to ${max}`);
        }
        return Number(value);
    }
    optionalNumber(name, min, max) {
        return this.string(name) === '' ? undefined : this.number(name, min, max);
    }
    number(name, min, max) {
        const value = this.string(name);
        const n = Number(value);
        if (value === '' || !/^[0-9.eE+-]+$/.test(value) || !Number.isFinite(n) || n < min || n > max) {
            throw new errors/* InputError */.dz(name, `is ${showValue(value)}`, `a number from ${min} to ${max}`);
        }
        return n;
    }
    oneOf(name, values) {
        const value = this.string(name);
        if (!values.includes(value)) {
            throw new errors/* InputError */.dz(name, `is ${showValue(value)}`, `one of ${values.map(v => `\`${v}\``).join(', ')}`);
        }
        return value;
    }
    matching(name, pattern, accepted) {
        const value = this.string(name);
        if (!pattern.test(value))
            throw new errors/* InputError */.dz(name, `is ${showValue(value)}`, accepted);
        return value;
    }
    /** An http(s) URL. Secret URLs are never echoed back in the error. */
    url(name, secret = false) {
        const value = this.string(name);
        if (value === '')
            return undefined;
        let parsed;
        try {
            parsed = new URL(value);
        }
        catch {
            parsed = undefined;
        }
        if (!parsed || !['http:', 'https:'].includes(parsed.protocol) || /\s/.test(value)) {
            const shown = secret
                ? 'not a valid URL (value hidden: it is a secret)'
                : `is ${showValue(value)}`;
            throw new errors/* InputError */.dz(name, secret ? `is ${shown}` : shown, 'an http:// or https:// URL');
        }
        return value;
    }
}

;// CONCATENATED MODULE: ./build/ncc/core/settings/common.js


/**
 * GitHub allows most characters in environment names; we accept the ones people use so a name
 * can never carry shell syntax, a newline or a path trick into a log or a file name.
 */
const ENVIRONMENT_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,254}$/;
const ENVIRONMENT_FORM = 'letters, digits, `.`, `_`, `-` and `/`, starting with a letter or digit, with no `.`, `..` or empty part between slashes and no trailing `/` (e.g. `staging` or `eu/prod`)';
/**
 * Scripts get the name as $SHIPRAIL_ENVIRONMENT and put it in paths and namespaces, so a name
 * must not walk out of them: `a/../../etc`, `a//b`, `a/./b` and `a/` are refused.
 */
function isSafeEnvironmentName(value) {
    return (ENVIRONMENT_PATTERN.test(value) &&
        value.split('/').every(part => part !== '' && part !== '.' && part !== '..'));
}
function parseEnvironment(reader, name, required) {
    const value = reader.string(name);
    if (value === '') {
        if (required)
            throw new errors/* InputError */.dz(name, 'is required', `an environment name: ${ENVIRONMENT_FORM}`);
        return '';
    }
    if (!isSafeEnvironmentName(value)) {
        throw new errors/* InputError */.dz(name, `is ${showValue(value)}`, `an environment name: ${ENVIRONMENT_FORM}`);
    }
    return value;
}
function parseCommon(reader, defaults, environmentRequired) {
    const environment = parseEnvironment(reader, 'environment', environmentRequired);
    const ledger = reader.has('ledger')
        ? reader.oneOf('ledger', ['github', 'file', 'none'])
        : defaults.insideActions
            ? 'github'
            : 'file';
    const token = reader.string('token');
    const repository = defaults.repository ?? '';
    if (ledger === 'github' && !reader.bool('dry-run')) {
        if (token === '') {
            throw new errors/* InputError */.dz('token', 'is required with `ledger: github`', 'a token with `deployments: write` (default `${{ github.token }}`)');
        }
        if (!/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(repository)) {
            throw new errors/* InputError */.dz('ledger', 'is `github` but the repository is unknown', '`file` or `none` outside GitHub Actions, or GITHUB_REPOSITORY=owner/name');
        }
    }
    const ledgerFile = reader.string('ledger-file');
    if (/[\0\n\r]/.test(ledgerFile)) {
        throw new errors/* InputError */.dz('ledger-file', `is ${showValue(ledgerFile)}`, 'a file path');
    }
    return { environment, token, ledger, ledgerFile, dryRun: reader.bool('dry-run'), repository };
}

;// CONCATENATED MODULE: ./build/ncc/core/settings/containers-settings.js



const SERVICE_PATTERN = /^[a-z0-9][a-z0-9_.-]{0,62}$/;
/** Docker's reference grammar, simplified: [registry[:port]/]path[:tag][@sha256:digest]. */
const COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const IMAGE_PATTERN = new RegExp(`^(?:[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?(?::\\d{1,5})?/)?${COMPONENT}(?:/${COMPONENT})*` +
    `(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(?:@sha256:[a-f0-9]{64})?$`);
const IMAGE_FORM = '`name:tag`, `registry/name:tag` or `name@sha256:<64 hex>`';
const PUBLISH_PATTERN = /^(?:(?:\d{1,3}(?:\.\d{1,3}){3}|\[[0-9A-Fa-f:]+\]):)?(?:\d{1,5}:)?\d{1,5}(?:\/(?:tcp|udp))?$/;
/** Flags whose job Shiprail does; a user value would break naming, publishing or cleanup. */
const OWN_LONG_FLAGS = ['--name', '--publish', '--detach', '--rm'];
/** Short flags that take no value: a cluster like `-itd` is read letter by letter. */
const SHORT_BOOLEAN = new Set(['i', 't', 'P', 'q']);
const OWN_SHORT = new Set(['p', 'd']);
/** The reason a docker-args line is refused, or undefined when it is accepted. Pure. */
function dockerArgProblem(arg) {
    if (/[\0\r\n]/.test(arg))
        return 'contains a control character';
    if (!arg.startsWith('-') || arg === '--' || arg === '-')
        return 'is not an option (one `--flag=value` per line)';
    if (arg.startsWith('--')) {
        const flag = arg.split('=')[0];
        if (OWN_LONG_FLAGS.includes(flag))
            return `sets ${flag}, which Shiprail manages`;
        return undefined;
    }
    for (const letter of arg.slice(1)) {
        if (OWN_SHORT.has(letter))
            return `sets -${letter}, which Shiprail manages`;
        if (!SHORT_BOOLEAN.has(letter))
            break;
    }
    return undefined;
}
function parseDockerArgs(text) {
    const args = text
        .split('\n')
        .map(s => s.trim())
        .filter(Boolean);
    for (const arg of args) {
        const problem = dockerArgProblem(arg);
        if (problem) {
            throw new errors/* InputError */.dz('docker-args', `has ${showValue(arg)}, which ${problem}`, 'extra `docker run` options, one `--flag=value` per line, without `--name`, `--publish`/`-p`, `--detach`/`-d` or `--rm`');
        }
    }
    return args;
}
function parseStatePath(reader, service) {
    const value = reader.string('path');
    if (value === '')
        return `~/.shiprail/${service}`;
    const ok = (value.startsWith('/') || value.startsWith('~/')) &&
        !/[\0\n\r]/.test(value) &&
        !value.split('/').includes('..');
    if (!ok) {
        throw new errors/* InputError */.dz('path', `is ${showValue(value)}`, 'an absolute path or one under `~/`, without `..` (default `~/.shiprail/<service>`)');
    }
    return value.replace(/\/+$/, '') || '/';
}
function parseAbsoluteFile(reader, name, why) {
    const value = reader.string(name);
    if (value === '')
        throw new errors/* InputError */.dz(name, `is required${why}`, 'an absolute file path');
    if (!value.startsWith('/') || /[\0\n\r]/.test(value) || value.split('/').includes('..')) {
        throw new errors/* InputError */.dz(name, `is ${showValue(value)}`, 'an absolute file path without `..`');
    }
    return value;
}
function parseContainersDriver(reader, operation) {
    const service = reader.required('service', '`[a-z0-9][a-z0-9_.-]{0,62}`', ' with `driver: containers`');
    if (!SERVICE_PATTERN.test(service))
        throw new errors/* InputError */.dz('service', `is ${showValue(service)}`, '`[a-z0-9][a-z0-9_.-]{0,62}`');
    const image = operation === 'deploy' ? reader.required('image', IMAGE_FORM, ' with `driver: containers`') : '';
    if (image && !IMAGE_PATTERN.test(image))
        throw new errors/* InputError */.dz('image', `is ${showValue(image)}`, IMAGE_FORM);
    const imageArchive = operation === 'deploy' ? reader.string('image-archive') : '';
    if (imageArchive &&
        (!/\.(tar|tar\.gz|tgz)$/.test(imageArchive) || /[\0\n\r]/.test(imageArchive))) {
        throw new errors/* InputError */.dz('image-archive', `is ${showValue(imageArchive)}`, 'a `docker save` tarball (`.tar` or `.tar.gz`) on the runner');
    }
    // Set for a migration, it would be silently skipped: this driver's before-switch is the one.
    if (reader.text('before-switch-once').trim() !== '') {
        throw new errors/* InputError */.dz('before-switch-once', 'is for `driver: releases`; with `driver: containers`, `before-switch` already runs once, on the first host', '`before-switch` for a migration');
    }
    const { hosts, strict, knownHosts } = parseHostAccess(reader);
    const proxy = reader.oneOf('proxy', ['none', 'nginx']);
    const containerPort = reader.has('container-port')
        ? reader.int('container-port', 1, 65535)
        : undefined;
    const publish = reader.string('publish');
    if (publish && !PUBLISH_PATTERN.test(publish)) {
        throw new errors/* InputError */.dz('publish', `is ${showValue(publish)}`, 'a `docker run --publish` value such as `80:8080` or `127.0.0.1:3000:3000`');
    }
    if (publish && proxy === 'nginx') {
        throw new errors/* InputError */.dz('publish', 'is set with `proxy: nginx`, which publishes each container on a free 127.0.0.1 port itself', '`container-port` with `proxy: nginx`, or `publish` with `proxy: none`');
    }
    let upstreamFile = '';
    if (proxy === 'nginx') {
        upstreamFile = parseAbsoluteFile(reader, 'upstream-file', ' with `proxy: nginx`');
        if (containerPort === undefined) {
            throw new errors/* InputError */.dz('container-port', 'is required with `proxy: nginx`', 'the port the app listens on inside the container, e.g. `8080`');
        }
    }
    const healthPath = reader.string('health-path');
    if (healthPath && (!/^\/[\x21-\x7e]*$/.test(healthPath) || healthPath.length > 500)) {
        throw new errors/* InputError */.dz('health-path', `is ${showValue(healthPath)}`, 'an HTTP path such as `/health`');
    }
    if (healthPath && proxy === 'none' && !publish) {
        throw new errors/* InputError */.dz('health-path', 'needs a port to poll, but `proxy: none` has no `publish`', '`publish` (e.g. `127.0.0.1:3000:3000`), or no health-path');
    }
    return {
        kind: 'containers',
        image,
        imageArchive,
        service,
        hosts,
        path: parseStatePath(reader, service),
        sshKey: reader.text('ssh-key'),
        knownHosts,
        strictHostKeyChecking: strict,
        containerPort,
        healthPath,
        healthTimeoutSeconds: reader.int('health-timeout', 1, 3600),
        dockerArgs: parseDockerArgs(reader.text('docker-args')),
        proxy,
        publish,
        upstreamFile,
        proxyReload: reader.text('proxy-reload'),
        drainSeconds: reader.int('drain-seconds', 0, 3600),
        keepReleases: reader.int('keep-releases', 1, 1000),
        beforeSwitch: reader.text('before-switch'),
        afterSwitch: reader.text('after-switch'),
        parallel: reader.int('parallel', 1, 256),
        lockTimeoutSeconds: reader.int('lock-timeout', 0, 24 * 3600)
    };
}

;// CONCATENATED MODULE: ./build/ncc/core/settings/deploy-settings.js




const VERSION_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._+-]{0,127}$/;
const VERSION_FORM = '`[A-Za-z0-9][A-Za-z0-9._+-]{0,127}` (e.g. `1.4.2`, `a1b2c3d`, `v2.0.0-rc.1`)';
const HOST_PATTERN = /^(?:(?<user>[A-Za-z_][A-Za-z0-9._-]{0,31})@)?(?<host>[A-Za-z0-9](?:[A-Za-z0-9.-]{0,252})|\[[0-9A-Fa-f:.]+\])(?::(?<port>\d{1,5}))?$/;
function parseHosts(text) {
    const items = text
        .split(/[\n,]/)
        .map(s => s.trim())
        .filter(Boolean);
    if (items.length === 0)
        throw new errors/* InputError */.dz('hosts', 'is empty', '`local` or `[user@]host[:port]`, one per line or comma-separated');
    const hosts = items.map(item => {
        if (item === 'local')
            return { label: item, local: true, host: 'local' };
        const m = HOST_PATTERN.exec(item);
        const port = m?.groups?.port ? Number(m.groups.port) : undefined;
        if (!m?.groups || (port !== undefined && (port < 1 || port > 65535))) {
            throw new errors/* InputError */.dz('hosts', `has ${showValue(item)}`, '`local` or `[user@]host[:port]`, one per line or comma-separated');
        }
        return {
            label: item,
            local: false,
            user: m.groups.user,
            host: m.groups.host.replace(/^\[|\]$/g, ''),
            port
        };
    });
    const labels = new Set();
    for (const h of hosts) {
        if (labels.has(h.label))
            throw new errors/* InputError */.dz('hosts', `lists ${showValue(h.label)} twice`, 'each host once');
        labels.add(h.label);
    }
    return hosts;
}
function parsePathInput(reader, name) {
    const value = reader.required(name, 'an absolute path, e.g. `/srv/app`', ' with `driver: releases`');
    if (!value.startsWith('/') || /[\0\n\r]/.test(value) || value.split('/').includes('..')) {
        throw new errors/* InputError */.dz(name, `is ${showValue(value)}`, 'an absolute path without `..`, e.g. `/srv/app`');
    }
    return value.replace(/\/+$/, '') || '/';
}
function parseDriver(reader, operation) {
    const kind = reader.oneOf('driver', ['command', 'releases', 'containers']);
    if (kind === 'containers')
        return parseContainersDriver(reader, operation);
    if (kind === 'command') {
        const run = reader.text('run');
        const rollbackRun = reader.text('rollback-run');
        if (run.trim() === '' && !(operation === 'rollback' && rollbackRun.trim() !== '')) {
            throw new errors/* InputError */.dz('run', 'is required with `driver: command`', 'a bash script that deploys $SHIPRAIL_VERSION');
        }
        return {
            kind,
            run,
            rollbackRun,
            timeoutSeconds: reader.int('run-timeout', 1, 6 * 3600),
            lockTimeoutSeconds: reader.int('lock-timeout', 0, 24 * 3600)
        };
    }
    const { hosts, strict, knownHosts } = parseHostAccess(reader);
    const source = operation === 'deploy'
        ? reader.required('source', 'a directory or a .tar.gz/.tgz file', ' with `driver: releases`')
        : '';
    if (source && /[\0\n\r]/.test(source)) {
        throw new errors/* InputError */.dz('source', `is ${showValue(source)}`, 'a directory or a .tar.gz/.tgz file');
    }
    const shared = parseSharedPaths(reader);
    return {
        kind,
        source,
        hosts,
        path: parsePathInput(reader, 'path'),
        sshKey: reader.text('ssh-key'),
        knownHosts,
        strictHostKeyChecking: strict,
        keepReleases: reader.int('keep-releases', 1, 1000),
        shared,
        sharedPathsInput: reader.text('shared-paths').trim() !== '',
        beforeSwitch: reader.text('before-switch'),
        beforeSwitchOnce: reader.text('before-switch-once'),
        afterSwitch: reader.text('after-switch'),
        parallel: reader.int('parallel', 1, 256),
        lockTimeoutSeconds: reader.int('lock-timeout', 0, 24 * 3600)
    };
}
/**
 * shared-files, shared-dirs, and the deprecated shared-paths (an entry ending in `/` is a
 * directory, any other a file: so a forgotten `.env` fails instead of becoming a directory).
 */
function parseSharedPaths(reader) {
    const listed = (name) => reader
        .text(name)
        .split(/[\n,]/)
        .map(s => s.trim())
        .filter(Boolean)
        .map(text => ({ name, text }));
    const entries = [...listed('shared-files'), ...listed('shared-dirs'), ...listed('shared-paths')];
    const seen = new Map();
    return entries.map(({ name, text }) => {
        // `.` or `a/./.` names the release itself (or a parent): linking it would replace the
        // release with the shared directory, and the host refuses it only after the upload.
        const path = text.replace(/\/+$/, '');
        const parts = text.replace(/\/$/, '').split('/');
        if (text.startsWith('/') ||
            parts.some(s => ['', '.', '..'].includes(s)) ||
            /[\0\n\r]/.test(text)) {
            throw new errors/* InputError */.dz(name, `has ${showValue(text)}`, 'paths inside the release such as `.env` or `storage`, without `.`, `..` or empty parts');
        }
        const other = seen.get(path);
        if (other !== undefined) {
            throw new errors/* InputError */.dz(name, `has ${showValue(path)}, already in ${other}`, 'each shared path once');
        }
        seen.set(path, name);
        const dir = name === 'shared-dirs' || (name === 'shared-paths' && text.endsWith('/'));
        return { path, kind: dir ? 'dir' : 'file' };
    });
}
function parseRef(reader, defaults, required) {
    const value = reader.has('ref') ? reader.string('ref') : (defaults.sha ?? '');
    if (value === '') {
        if (required)
            throw new errors/* InputError */.dz('ref', 'is required with `ledger: github`', "a full 40-character commit SHA (default: the run's commit)");
        return '';
    }
    if (!/^[0-9a-fA-F]{40}$/.test(value)) {
        throw new errors/* InputError */.dz('ref', `is ${showValue(value)}`, 'a full 40-character commit SHA, e.g. `${{ github.sha }}`');
    }
    return value.toLowerCase();
}
function isProductionName(environment) {
    return ['production', 'prod'].includes(environment.toLowerCase());
}
function parseDeploySettings(raw, defaults) {
    const reader = new InputReader(raw);
    const common = parseCommon(reader, defaults, true);
    const version = reader.required('version', VERSION_FORM);
    if (!VERSION_PATTERN.test(version))
        throw new errors/* InputError */.dz('version', `is ${showValue(version)}`, VERSION_FORM);
    const production = reader.has('production-environment')
        ? reader.bool('production-environment')
        : isProductionName(common.environment);
    const promoteFrom = parseEnvironment(reader, 'promote-from', false);
    if (promoteFrom !== '' && promoteFrom === common.environment) {
        throw new errors/* InputError */.dz('promote-from', `names the environment being deployed (${showValue(promoteFrom)})`, 'the environment the version comes from, e.g. `staging`');
    }
    if (promoteFrom !== '' && common.ledger === 'none') {
        throw new errors/* InputError */.dz('promote-from', 'needs a ledger to check', '`ledger: github` or `ledger: file`');
    }
    // promote-from compares commits, so the commit being deployed must be known.
    const ref = parseRef(reader, defaults, common.ledger === 'github' && !common.dryRun);
    if (promoteFrom !== '' && ref === '') {
        throw new errors/* InputError */.dz('ref', 'is required with `promote-from`', "the full 40-character commit SHA of the build (default: the run's commit)");
    }
    return {
        ...common,
        version,
        ref,
        environmentUrl: reader.url('environment-url'),
        productionEnvironment: production,
        notifyUrl: reader.url('notify-url', true),
        promoteFrom,
        driver: parseDriver(reader, 'deploy')
    };
}
/**
 * The hosts and how their keys are checked, for every driver that works on hosts: remote hosts
 * need `known-hosts` unless verification was turned off explicitly.
 */
function parseHostAccess(reader) {
    const hosts = parseHosts(reader.string('hosts'));
    const strict = reader.bool('ssh-strict-host-key-checking');
    const knownHosts = reader.text('known-hosts');
    if (strict && knownHosts.trim() === '' && hosts.some(h => !h.local)) {
        throw new errors/* InputError */.dz('known-hosts', 'is required for remote hosts', 'known_hosts lines (ssh-keyscan output you have checked), or `ssh-strict-host-key-checking: false` to skip verification');
    }
    return { hosts, strict, knownHosts };
}

;// CONCATENATED MODULE: ./build/ncc/core/settings/doctor-settings.js




/**
 * The deploy inputs `shiprail doctor` takes, by name. `service` and `image` belong to the
 * containers driver: they are flags of doctor only while the input table defines them.
 */
const DOCTOR_INPUT_NAMES = [
    'driver',
    'hosts',
    'path',
    'ssh-key',
    'known-hosts',
    'ssh-strict-host-key-checking',
    'source',
    'service',
    'image',
    'url'
];
/** Where doctor's meaning differs from the step's: its default driver, what `url` is for. */
const DOCTOR_OVERRIDES = {
    driver: { default: 'releases' },
    url: { description: 'URL that must answer a GET with a status below 400 (redirects followed).' }
};
/** Doctor's flags, described by the deploy input table (one description for one input). */
function doctorInputs() {
    return DOCTOR_INPUT_NAMES.map(name => inputDef(name))
        .filter((d) => !!d)
        .map(d => ({ ...d, ...DOCTOR_OVERRIDES[d.name] }));
}
const doctor_settings_SERVICE_PATTERN = /^[a-z0-9][a-z0-9_.-]{0,62}$/;
function parseDoctorSettings(raw) {
    const reader = new InputReader(raw);
    const drivers = inputDef('service')
        ? ['releases', 'containers', 'command']
        : ['releases', 'command'];
    // Doctor is about hosts: without a driver it checks the releases driver's.
    const driver = reader.has('driver') ? reader.oneOf('driver', drivers) : 'releases';
    const url = reader.url('url');
    const common = {
        environment: '',
        token: '',
        ledger: 'none',
        ledgerFile: '',
        dryRun: true,
        repository: ''
    };
    const base = {
        ...common,
        driver,
        hosts: [],
        path: '',
        sshKey: reader.text('ssh-key'),
        knownHosts: reader.text('known-hosts'),
        strictHostKeyChecking: reader.bool('ssh-strict-host-key-checking'),
        source: '',
        url
    };
    if (driver === 'command') {
        if (!url) {
            throw new errors/* InputError */.dz('url', 'is required with `driver: command` (it has no hosts to check)', 'an http:// or https:// URL, or `driver: releases` with hosts and path');
        }
        return base;
    }
    let path;
    if (driver === 'containers' && !reader.has('path')) {
        const service = reader.required('service', '`[a-z0-9][a-z0-9_.-]{0,62}`', ' with `driver: containers`');
        if (!doctor_settings_SERVICE_PATTERN.test(service))
            throw new errors/* InputError */.dz('service', `is ${showValue(service)}`, '`[a-z0-9][a-z0-9_.-]{0,62}`');
        path = `~/.shiprail/${service}`;
    }
    else {
        path = parsePathInput(reader, 'path');
    }
    const source = driver === 'releases' ? reader.string('source') : '';
    if (/[\0\n\r]/.test(source)) {
        throw new errors/* InputError */.dz('source', `is ${showValue(source)}`, 'a directory or a .tar.gz/.tgz file');
    }
    return { ...base, hosts: parseHosts(reader.string('hosts')), path, source };
}
/** What a deploy's dry run checks on its hosts: the same as doctor with the deploy's inputs. */
function doctorSettingsForDeploy(driver) {
    return {
        environment: '',
        token: '',
        ledger: 'none',
        ledgerFile: '',
        dryRun: true,
        repository: '',
        driver: 'releases',
        hosts: driver.hosts,
        path: driver.path,
        sshKey: driver.sshKey,
        knownHosts: driver.knownHosts,
        strictHostKeyChecking: driver.strictHostKeyChecking,
        source: driver.source
    };
}

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __nccwpck_require__(7067);
;// CONCATENATED MODULE: external "node:https"
const external_node_https_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");
// EXTERNAL MODULE: external "node:perf_hooks"
var external_node_perf_hooks_ = __nccwpck_require__(643);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __nccwpck_require__(7075);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __nccwpck_require__(8522);
;// CONCATENATED MODULE: ./build/ncc/core/checks/credential-masking.js
/**
 * Header names whose values are credentials: masked wherever they could be shown, and not sent
 * on to another origin when a redirect leaves the one they were meant for. A word anywhere in
 * the name counts (`X-Deploy-Credential`, `X-Session-Id`, `Proxy-Authorization`): a list of
 * known names always misses the one a team made up, and masking a harmless header costs nothing.
 */
const CREDENTIAL_HEADER = /auth|token|secret|key|cookie|credential|password|passwd|session|signature/i;
const CREDENTIAL_QUERY = /^(token|access_token|api_key|apikey|key|secret|password|passwd|sig|signature|auth|code)$|[-_](token|key|secret|password|signature)$/i;
function isCredentialHeader(name) {
    return CREDENTIAL_HEADER.test(name.trim());
}
/**
 * The headers a redirect to `to` may carry: every credential header is dropped when the origin
 * (scheme, host and port) changes, so an http URL answering with a redirect to https on the
 * same host does not get them either: the credential was written for the other origin.
 */
function headersForRedirect(headers, from, to) {
    if (to.origin === from.origin)
        return headers;
    return Object.fromEntries(Object.entries(headers).filter(([k]) => !isCredentialHeader(k)));
}
/** The URL with its password and credential-named query values replaced by `***`. */
function maskUrl(url) {
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch {
        return url;
    }
    if (parsed.password)
        parsed.password = '***';
    else if (parsed.username)
        parsed.username = '***';
    for (const key of [...parsed.searchParams.keys()]) {
        if (CREDENTIAL_QUERY.test(key) && parsed.searchParams.get(key))
            parsed.searchParams.set(key, '***');
    }
    // searchParams.set encodes `*`; keep the mask readable.
    return parsed.toString().replace(/%2A%2A%2A/g, '***');
}
/** Credential values a check carries, for the redactor: header values, URL passwords, tokens. */
function checkSecrets(check) {
    const out = [];
    for (const [name, value] of Object.entries(check.headers)) {
        if (!isCredentialHeader(name))
            continue;
        out.push(value);
        // `Bearer abc`: the token alone may be echoed by a server or a tool.
        const scheme = /^\S+\s+(\S.*)$/.exec(value);
        if (scheme)
            out.push(scheme[1]);
    }
    try {
        const parsed = new URL(check.url);
        if (parsed.password)
            out.push(decodeURIComponent(parsed.password), parsed.password);
        for (const [key, value] of parsed.searchParams)
            if (CREDENTIAL_QUERY.test(key))
                out.push(value);
    }
    catch {
        // The URL was validated when the check was parsed.
    }
    return out.filter(v => v.trim() !== '');
}
/** Request headers as they may be shown: credential values replaced by `***`. */
function shownHeaders(headers) {
    return Object.entries(headers).map(([k, v]) => `${k}: ${isCredentialHeader(k) ? '***' : v}`);
}
/** Registers every credential the checks carry, before anything about them is logged. */
function maskCheckSecrets(checks, secrets) {
    for (const check of checks)
        for (const secret of checkSecrets(check))
            secrets.add(secret);
}

;// CONCATENATED MODULE: ./build/ncc/core/checks/http-probe.js






const MAX_BODY_BYTES = 1024 * 1024;
const MAX_REDIRECTS = 10;
const USER_AGENT = 'shiprail-probe';
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** Raised inside a probe; carries the classified failure out of the callbacks. */
class ProbeFailure extends Error {
    kind;
    constructor(kind, message) {
        super(message);
        this.kind = kind;
    }
}
function flattenHeaders(headers) {
    const out = {};
    for (const [name, value] of Object.entries(headers)) {
        if (value !== undefined)
            out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
    }
    return out;
}
function decoder(encoding) {
    switch ((encoding ?? '').trim().toLowerCase()) {
        case 'gzip':
        case 'x-gzip':
            return external_node_zlib_.createGunzip();
        case 'deflate':
            return external_node_zlib_.createInflate();
        case 'br':
            return external_node_zlib_.createBrotliDecompress();
        default:
            return undefined;
    }
}
function seconds(ms) {
    return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}
/** Turns a socket or TLS error into plain words. Exported for tests. */
function classifyError(err, url) {
    const e = err;
    const code = e?.code ?? '';
    const where = `${url.hostname}${url.port ? `:${url.port}` : ''}`;
    if (code === 'ECONNREFUSED')
        return { kind: 'refused', message: `connection refused by ${where}` };
    if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'ECONNABORTED') {
        return {
            kind: 'reset',
            message: `connection reset by ${where} before the response was complete`
        };
    }
    if (['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_NODATA', 'EAI_FAIL'].includes(code)) {
        return {
            kind: 'dns',
            message: `DNS lookup failed for ${url.hostname} (${code === 'EAI_AGAIN' ? 'temporary failure' : 'no such host'})`
        };
    }
    if (code === 'ETIMEDOUT')
        return { kind: 'timeout', message: `connection to ${where} timed out` };
    if (/^(CERT_|ERR_TLS_|ERR_SSL_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|HOSTNAME_MISMATCH)/.test(code) ||
        code === 'EPROTO') {
        return { kind: 'tls', message: `TLS error with ${where}: ${e.reason ?? e.message}` };
    }
    if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') {
        return { kind: 'other', message: `${where} is unreachable from here` };
    }
    if (code.startsWith('HPE_'))
        return { kind: 'other', message: `${where} sent an invalid HTTP response (${code})` };
    return { kind: 'other', message: `request to ${where} failed: ${e?.message ?? String(err)}` };
}
/** One request/response exchange, no redirects. Rejects with ProbeFailure. */
function exchange(url, method, headers, body, signal, maxBodyBytes, onAbort, onHeaders) {
    return new Promise((resolve, reject) => {
        let settled = false;
        const fail = (err) => {
            if (settled)
                return;
            settled = true;
            signal.removeEventListener('abort', abort);
            req.destroy();
            if (err instanceof ProbeFailure)
                return reject(err);
            if (signal.aborted)
                return reject(onAbort());
            const c = classifyError(err, url);
            reject(new ProbeFailure(c.kind, c.message));
        };
        const abort = () => fail(onAbort());
        const client = url.protocol === 'https:' ? external_node_https_namespaceObject : external_node_http_;
        const req = client.request(url, { method, headers, agent: false }, res => {
            const status = res.statusCode ?? 0;
            onHeaders(status);
            const chunks = [];
            let size = 0;
            let truncated = false;
            const done = () => {
                if (settled)
                    return;
                settled = true;
                signal.removeEventListener('abort', abort);
                res.destroy();
                req.destroy();
                resolve({
                    status,
                    headers: flattenHeaders(res.headers),
                    body: Buffer.concat(chunks).toString('utf8'),
                    truncated
                });
            };
            const sink = new external_node_stream_.Writable({
                write(chunk, _enc, next) {
                    const room = maxBodyBytes - size;
                    if (chunk.length > room) {
                        chunks.push(chunk.subarray(0, room));
                        size = maxBodyBytes;
                        truncated = true;
                        // Stop reading: the rest of a huge reply is not worth the memory or the wait.
                        done();
                        return next();
                    }
                    chunks.push(chunk);
                    size += chunk.length;
                    next();
                }
            });
            const decode = method === 'HEAD' ? undefined : decoder(res.headers['content-encoding']);
            const ended = (err) => {
                if (settled)
                    return;
                if (!err)
                    return done();
                if (decode && !err.code?.startsWith('E')) {
                    const encoding = res.headers['content-encoding'];
                    return fail(new ProbeFailure('other', `the ${encoding} body could not be decoded`));
                }
                // The server went away mid-body: a reset, whatever the stream calls it.
                const premature = res.readableAborted || err.code === 'ERR_STREAM_PREMATURE_CLOSE';
                fail(premature ? Object.assign(err, { code: 'ECONNRESET' }) : err);
            };
            if (decode)
                (0,external_node_stream_.pipeline)(res, decode, sink, ended);
            else
                (0,external_node_stream_.pipeline)(res, sink, ended);
        });
        req.on('error', fail);
        if (signal.aborted)
            return abort();
        signal.addEventListener('abort', abort, { once: true });
        req.end(body);
    });
}
/**
 * Sends one request and reads the reply. Never throws: a failure comes back as a ProbeError
 * with a kind and plain words, so callers can retry, report and count it alike.
 */
async function httpProbe(request) {
    const started = external_node_perf_hooks_.performance.now();
    const elapsed = () => Math.round(external_node_perf_hooks_.performance.now() - started);
    // One signal for both ends of the request: the per-request timeout and the job's cancellation.
    // Wired by hand so a long status-check window leaves no listener behind on the job's signal.
    const controller = new AbortController();
    const stop = () => controller.abort();
    const timeout = setTimeout(stop, request.timeoutMs);
    request.signal?.addEventListener('abort', stop, { once: true });
    if (request.signal?.aborted)
        stop();
    const signal = controller.signal;
    let stage = 'no response';
    const onAbort = () => request.signal?.aborted
        ? new ProbeFailure('cancelled', 'cancelled')
        : new ProbeFailure('timeout', `${stage} within ${seconds(request.timeoutMs)}`);
    let url = new URL(request.url);
    let method = request.method.toUpperCase();
    let body = request.body;
    let headers = {
        'user-agent': USER_AGENT,
        accept: '*/*',
        ...request.headers
    };
    try {
        for (let redirects = 0;; redirects++) {
            const sent = { ...headers };
            if (body !== undefined &&
                !Object.keys(sent).some(h => h.toLowerCase() === 'content-length')) {
                sent['content-length'] = String(Buffer.byteLength(body));
            }
            stage = 'no response';
            const reply = await exchange(url, method, sent, body, signal, request.maxBodyBytes ?? MAX_BODY_BYTES, onAbort, status => (stage = `status ${status} but the body was not complete`));
            const location = reply.headers.location;
            if (request.followRedirects !== false && REDIRECTS.has(reply.status) && location) {
                if (redirects >= MAX_REDIRECTS) {
                    return {
                        type: 'error',
                        kind: 'other',
                        message: `more than ${MAX_REDIRECTS} redirects (last to ${location})`,
                        latencyMs: elapsed()
                    };
                }
                let next;
                try {
                    next = new URL(location, url);
                }
                catch {
                    return {
                        type: 'error',
                        kind: 'other',
                        message: `redirect to an invalid URL (${JSON.stringify(location)})`,
                        latencyMs: elapsed()
                    };
                }
                if (!['http:', 'https:'].includes(next.protocol)) {
                    return {
                        type: 'error',
                        kind: 'other',
                        message: `redirect to a non-http URL (${next.protocol})`,
                        latencyMs: elapsed()
                    };
                }
                // As browsers and fetch do: 303 always, and 301/302 after a POST, continue with GET.
                if (reply.status === 303
                    ? method !== 'HEAD'
                    : [301, 302].includes(reply.status) && method === 'POST') {
                    method = 'GET';
                    body = undefined;
                    headers = Object.fromEntries(Object.entries(headers).filter(([k]) => !/^content-/i.test(k)));
                }
                headers = headersForRedirect(headers, url, next);
                url = next;
                continue;
            }
            return {
                type: 'response',
                status: reply.status,
                headers: reply.headers,
                body: reply.body,
                truncated: reply.truncated,
                latencyMs: elapsed(),
                url: url.toString(),
                redirects
            };
        }
    }
    catch (err) {
        if (err instanceof ProbeFailure)
            return { type: 'error', kind: err.kind, message: err.message, latencyMs: elapsed() };
        const c = classifyError(err, url);
        return { type: 'error', ...c, latencyMs: elapsed() };
    }
    finally {
        clearTimeout(timeout);
        request.signal?.removeEventListener('abort', stop);
    }
}

// EXTERNAL MODULE: ./build/ncc/core/drivers/host-transport.js
var host_transport = __nccwpck_require__(6285);
// EXTERNAL MODULE: ./build/ncc/core/drivers/release-lock.js
var release_lock = __nccwpck_require__(9124);
// EXTERNAL MODULE: ./build/ncc/core/doctor/host-checks.js
var host_checks = __nccwpck_require__(6599);
// EXTERNAL MODULE: ./build/ncc/core/drivers/release-history.js
var release_history = __nccwpck_require__(6911);
// EXTERNAL MODULE: ./build/ncc/core/drivers/release-scripts.js + 1 modules
var release_scripts = __nccwpck_require__(9504);
;// CONCATENATED MODULE: ./build/ncc/core/doctor/host-probe.js


/**
 * What doctor learns about one host in one round trip, strictly read-only: the script below
 * only tests, lists and reads (`command -v`, `test -w`, `df`, `readlink`, `head`, `tail`); it
 * creates nothing, not even the layout a deploy would create. Every value is a positional
 * parameter (see hostScript), so nothing a user typed becomes code.
 *
 * $1: deploy root (a leading `~/` means the login user's home, as for the containers driver's
 * default), $2: bytes of history to read from its tail, $3...: programs to look for.
 */
const PROBE_SCRIPT = `
root=$1
tail_bytes=$2
shift 2
case $root in '~/'*) root=$HOME/\${root#'~/'} ;; esac
printf 'user\\t%s\\n' "$(id -un 2>/dev/null)"
printf 'root\\t%s\\n' "$root"
for p in "$@"; do
  if found=$(command -v -- "$p" 2>/dev/null); then
    printf 'program\\t%s\\t%s\\n' "$p" "$found"
  else
    printf 'missing\\t%s\\n' "$p"
  fi
done
# The containers driver talks to dockerd as the login user: a missing docker group shows here.
case " $* " in *' docker '*)
  if command -v docker >/dev/null 2>&1; then
    if server=$(docker version --format '{{.Server.Version}}' 2>&1); then
      printf 'dockerd\t%s\n' "$server"
    else
      printf 'dockerdenied\t%s\n' "$(printf '%s' "$server" | tail -n 1)"
    fi
  fi ;;
esac
probe=$root
while [ ! -e "$probe" ] && [ ! -L "$probe" ] && [ "$probe" != / ]; do probe=$(dirname -- "$probe"); done
printf 'existing\\t%s\\n' "$probe"
[ -d "$probe" ] || printf 'notdir\\t%s\\n' "$probe"
# The root itself, or the directory a first deploy would create it in, then what a deploy writes.
for d in "$probe" "$root/releases" "$root/shared" "$root/.shiprail"; do
  [ -e "$d" ] || continue
  if [ ! -w "$d" ]; then printf 'unwritable\\t%s\\t%s\\n' "$d" "$(stat -c %U -- "$d" 2>/dev/null)"; fi
done
if [ -d "$probe" ]; then${(0,release_scripts/* freeSpace */.FP)('probe')}
fi
if [ -L "$root/current" ]; then
  printf 'current\\t%s\\n' "$(readlink -- "$root/current")"
  if resolved=$(cd -P -- "$root/current" 2>/dev/null && pwd -P); then
    printf 'resolved\\t%s\\n' "$resolved"
  fi
elif [ -e "$root/current" ]; then
  printf 'notlink\\n'
fi
if [ -d "$root/.shiprail/lock" ]; then
  printf 'lockdir\\n'
elif [ -f "$root/.shiprail/lock" ]; then
  printf -- '--lock--\\n'
  head -c 4096 -- "$root/.shiprail/lock"
  printf '\\n--end-lock--\\n'
fi
printf -- '--history--\\n'
if [ -f "$root/.shiprail/history.jsonl" ]; then tail -c "$tail_bytes" -- "$root/.shiprail/history.jsonl"; fi
`;
/** History is read from its tail: doctor only needs the newest lines. */
const PROBE_HISTORY_BYTES = 64 * 1024;
/** Reads the probe's answer. Pure. */
function parseProbe(stdout) {
    const facts = {
        user: '',
        root: '',
        programs: {},
        missing: [],
        existing: '',
        existingNotDir: false,
        unwritable: [],
        currentNotLink: false,
        lockIsDir: false,
        history: []
    };
    const historyAt = stdout.indexOf('--history--\n');
    let head = historyAt >= 0 ? stdout.slice(0, historyAt) : stdout;
    if (historyAt >= 0)
        facts.history = (0,release_history/* parseHistory */.i6)(stdout.slice(historyAt + '--history--\n'.length));
    const lockAt = head.indexOf('--lock--\n');
    if (lockAt >= 0) {
        const end = head.indexOf('\n--end-lock--\n', lockAt);
        facts.lock = head.slice(lockAt + '--lock--\n'.length, end >= 0 ? end : undefined).trim();
        head = head.slice(0, lockAt) + (end >= 0 ? head.slice(end + '\n--end-lock--\n'.length) : '');
    }
    for (const line of head.split('\n')) {
        const [key, ...rest] = line.split('\t');
        const value = rest.join('\t');
        if (key === 'user')
            facts.user = value;
        else if (key === 'root')
            facts.root = value;
        else if (key === 'program')
            facts.programs[rest[0]] = rest.slice(1).join('\t');
        else if (key === 'missing')
            facts.missing.push(value);
        else if (key === 'existing')
            facts.existing = value;
        else if (key === 'notdir')
            facts.existingNotDir = true;
        else if (key === 'unwritable')
            facts.unwritable.push({ path: rest[0], owner: rest[1] ?? '' });
        else if (key === 'free') {
            facts.freeKiB = Number(rest[0]);
            facts.mount = rest.slice(1).join('\t');
        }
        else if (key === 'current')
            facts.current = value;
        else if (key === 'resolved')
            facts.currentResolved = value;
        else if (key === 'notlink')
            facts.currentNotLink = true;
        else if (key === 'lockdir')
            facts.lockIsDir = true;
        else if (key === 'dockerd')
            facts.dockerServer = value;
        else if (key === 'dockerdenied')
            facts.dockerError = value;
    }
    return facts;
}

;// CONCATENATED MODULE: ./build/ncc/core/doctor/release-size.js



/**
 * Bytes a first deploy of `source` writes on a host: the sum of its files' sizes (a directory),
 * or the uncompressed size of a .tar.gz/.tgz, from the gzip trailer (ISIZE, RFC 1952 §2.3.1:
 * the size modulo 2^32, so an archive over 4 GiB is counted at least at its compressed size).
 * Later deploys hard-link unchanged files and need less: this is the upper bound.
 */
async function releaseSize(source) {
    const info = await (0,promises_.lstat)(source).catch(() => undefined);
    if (!info) {
        throw new errors/* UserError */.yo(`Input 'source' is ${JSON.stringify(source)}, which does not exist; expected a directory or a .tar.gz/.tgz file.`);
    }
    if (info.isDirectory())
        return directorySize(source);
    if (info.isFile() && /\.(tar\.gz|tgz)$/.test(source)) {
        const handle = await (0,promises_.open)(source, 'r');
        try {
            const trailer = Buffer.alloc(4);
            await handle.read(trailer, 0, 4, Math.max(0, info.size - 4));
            return Math.max(trailer.readUInt32LE(0), info.size);
        }
        finally {
            await handle.close();
        }
    }
    throw new errors/* UserError */.yo(`Input 'source' is ${JSON.stringify(source)}; expected a directory or a .tar.gz/.tgz file.`);
}
async function directorySize(root) {
    let total = 0;
    const pending = [root];
    while (pending.length) {
        const dir = pending.pop();
        for (const entry of await (0,promises_.readdir)(dir, { withFileTypes: true })) {
            const full = (0,external_node_path_.join)(dir, entry.name);
            if (entry.isDirectory())
                pending.push(full);
            else if (entry.isFile())
                total += (await (0,promises_.lstat)(full)).size;
        }
    }
    return total;
}

// EXTERNAL MODULE: ./build/ncc/core/doctor/ssh-diagnosis.js
var ssh_diagnosis = __nccwpck_require__(1357);
;// CONCATENATED MODULE: ./build/ncc/core/steps/doctor.js









const CONNECT_TIMEOUT_MS = 30_000;
const PROBE_TIMEOUT_MS = 30_000;
const URL_TIMEOUT_MS = 10_000;
/** Hosts checked at once, as the releases driver's default `parallel`. */
const PARALLEL = 10;
/**
 * `shiprail doctor`: checks, read-only, that every host is ready for a deploy (SSH, host key,
 * programs, path, disk, lock, what is live) and that `url` answers. It reuses the deploy's own
 * SSH transport, lock rules and history parser, so it sees the hosts as a deploy will.
 */
async function doctor(settings, ctx) {
    ctx.secrets.add(settings.sshKey);
    const releaseBytes = settings.source
        ? await releaseSize((0,external_node_path_.resolve)(ctx.run.workspace, settings.source))
        : undefined;
    const programs = ['bash', 'rsync', 'tar', ...(settings.driver === 'containers' ? ['docker'] : [])];
    const env = ctx.run.env;
    const remote = settings.hosts.some(h => !h.local);
    const credentials = remote
        ? await host_transport/* SshCredentials */.B2.create(settings.sshKey, settings.knownHosts, settings.strictHostKeyChecking, ctx.run.tempDir)
        : undefined;
    try {
        const hosts = settings.hosts.map(h => ({ host: h.label, checks: [] }));
        let next = 0;
        const worker = async () => {
            for (let i = next++; i < settings.hosts.length; i = next++) {
                const spec = settings.hosts[i];
                const transport = spec.local
                    ? new host_transport/* LocalTransport */.Vu(env)
                    : new host_transport/* SshTransport */.e1(spec, credentials, i, env);
                hosts[i].checks = await checkHost(spec, transport, settings, { programs, releaseBytes }, ctx);
                const problems = hosts[i].checks.filter(c => !c.ok).map(c => c.name);
                ctx.logger.info(`${spec.label}: ${problems.length ? `problems: ${problems.join(', ')}` : 'ready'}`);
            }
        };
        // One group for all hosts: they are checked at once, so per-host groups would interleave.
        await ctx.logger.group('Check hosts (read-only)', () => Promise.all(Array.from({ length: Math.min(PARALLEL, hosts.length) }, worker)));
        if (settings.url)
            hosts.push({ host: settings.url, checks: [await urlCheck(settings.url, ctx)] });
        return { ok: hosts.every(h => h.checks.every(c => c.ok)), hosts };
    }
    finally {
        await credentials?.dispose();
    }
}
async function checkHost(spec, transport, settings, needs, ctx) {
    const checks = [];
    try {
        if (!spec.local) {
            const trouble = await connect(spec, transport, ctx.signal);
            checks.push(...sshChecks(spec, settings, trouble));
            if (trouble)
                return checks;
        }
        const result = await transport.run(PROBE_SCRIPT, [settings.path, String(PROBE_HISTORY_BYTES), ...needs.programs], { timeoutMs: PROBE_TIMEOUT_MS, signal: ctx.signal });
        // The login shell could not start bash: nothing else can be learnt, and nothing deploys.
        if (result.exitCode === 127) {
            checks.push((0,host_checks/* failed */.gz)('programs', `bash not found on the host (${result.stderr.trim().split('\n').pop() ?? ''})`, 'Install bash on the host (Debian/Ubuntu: sudo apt-get install -y bash rsync tar).'));
            return checks;
        }
        if (result.exitCode !== 0) {
            checks.push((0,host_checks/* failed */.gz)('probe', `the read-only check script failed (exit ${result.exitCode}): ${(0,host_transport/* lastLines */.w$)(`${result.stderr}\n${result.stdout}`)}`, "The host's shell failed the command: the login user needs a real shell (not nologin); see the error."));
            return checks;
        }
        checks.push(...(0,host_checks/* hostChecks */.mj)(parseProbe(result.stdout), {
            driver: settings.driver === 'containers' ? 'containers' : 'releases',
            programs: needs.programs,
            releaseBytes: needs.releaseBytes,
            now: ctx.clock.now(),
            machine: (0,release_lock/* currentMachine */.j4)(),
            isAlive: release_lock/* pidAlive */.pl
        }));
    }
    catch (err) {
        checks.push((0,host_checks/* failed */.gz)('probe', (0,errors/* errorMessage */.gJ)(err), 'Check the connection to the host and run doctor again.'));
    }
    finally {
        await transport.close();
    }
    return checks;
}
/** Connects; returns undefined on success, else what went wrong in OpenSSH's words. */
async function connect(spec, transport, signal) {
    try {
        await transport.connect(CONNECT_TIMEOUT_MS, signal);
        return undefined;
    }
    catch (err) {
        if (err instanceof host_transport/* SshConnectError */.zN)
            return err.diagnosis.detail;
        const message = (0,errors/* errorMessage */.gJ)(err);
        return err instanceof host_transport/* HostError */.dh
            ? message.slice(spec.label.length + 2).replace(/^could not connect:\s*/, '')
            : message;
    }
}
/**
 * Three checks from one connect: reachable, host key, authentication. A failure at one stage
 * says nothing about the later ones, so they are left out rather than guessed.
 */
function sshChecks(spec, settings, trouble) {
    const hostKeyOk = settings.strictHostKeyChecking
        ? (0,host_checks/* passed */.bF)('host-key', 'matches known-hosts')
        : (0,host_checks/* passed */.bF)('host-key', 'not verified: ssh-strict-host-key-checking is false');
    if (trouble === undefined) {
        return [
            (0,host_checks/* passed */.bF)('ssh', `reachable on port ${spec.port ?? 22}`),
            hostKeyOk,
            (0,host_checks/* passed */.bF)('ssh-auth', `logged in${spec.user ? ` as ${spec.user}` : ''} with the key`)
        ];
    }
    const { kind, detail } = (0,ssh_diagnosis/* diagnoseSsh */.z)(trouble);
    const fix = (0,ssh_diagnosis/* sshFix */.W)(kind, spec);
    if (kind === 'unreachable')
        return [(0,host_checks/* failed */.gz)('ssh', `cannot connect: ${detail}`, fix)];
    const reachable = (0,host_checks/* passed */.bF)('ssh', `reachable on port ${spec.port ?? 22}`);
    if (kind === 'auth-refused')
        return [reachable, hostKeyOk, (0,host_checks/* failed */.gz)('ssh-auth', `refused: ${detail}`, fix)];
    const what = kind === 'host-key-changed' ? 'changed' : 'unknown';
    return [reachable, (0,host_checks/* failed */.gz)('host-key', `${what}: ${detail}`, fix)];
}
async function urlCheck(url, ctx) {
    const answer = await httpProbe({
        url,
        method: 'GET',
        timeoutMs: URL_TIMEOUT_MS,
        signal: ctx.signal
    });
    if (answer.type === 'error') {
        return (0,host_checks/* failed */.gz)('url', `no answer: ${answer.message}`, 'Check that the service runs on the host (systemctl status), that nginx proxies to it, and that the URL is the public one (docs/hosts.md).');
    }
    const detail = `${answer.status} in ${answer.latencyMs} ms${answer.redirects ? ` after ${answer.redirects} redirect(s) to ${answer.url}` : ''}`;
    if (answer.status >= 400) {
        return (0,host_checks/* failed */.gz)('url', detail, answer.status >= 500
            ? "The app or the proxy fails: read the service's log (journalctl -u <unit>) and nginx's error log."
            : 'The URL answers but not with success: check its path and any authentication.');
    }
    return (0,host_checks/* passed */.bF)('url', detail);
}

;// CONCATENATED MODULE: ./build/ncc/report/doctor-report.js
/** A row per check, the fix beside each problem (doctor, and a deploy's dry run). */
function doctorTable(hosts, caption) {
    return {
        ...(caption ? { caption } : {}),
        header: ['host', 'check', 'ok', 'detail', 'fix'],
        rows: hosts.flatMap(h => h.checks.map(c => [h.host, c.name, c.ok ? 'ok' : 'FAIL', c.detail, c.fix]))
    };
}
/** One table for people: a row per check, the fix beside each problem. */
function doctorSummary(result) {
    const problems = result.hosts.flatMap(h => h.checks.filter(c => !c.ok));
    const verdict = result.ok
        ? `✅ Ready: every check passed on ${plural(result.hosts.length, 'target')}`
        : `❌ ${plural(problems.length, 'problem')} on ${result.hosts
            .filter(h => h.checks.some(c => !c.ok))
            .map(h => h.host)
            .join(', ')}`;
    return {
        title: 'Shiprail doctor',
        verdict,
        facts: [],
        tables: [doctorTable(result.hosts)]
    };
}
/** The line the CLI prints on stderr when something needs fixing. */
function doctorFailure(result) {
    if (result.ok)
        return undefined;
    const problems = result.hosts.flatMap(h => h.checks.filter(c => !c.ok).map(c => `${h.host} ${c.name}`));
    return `doctor found ${plural(problems.length, 'problem')}: ${problems.join(', ')}; each row above says how to fix it.`;
}
function plural(n, word) {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}

;// CONCATENATED MODULE: ./build/ncc/runtime/doctor-command.js



/**
 * `shiprail doctor`: a CLI command run like a step, so it shares the CLI's flags,
 * secrets masking, --json and exit codes. It is not an action step: it changes nothing and
 * records nothing, and a workflow can run the CLI.
 */
const DOCTOR_HANDLER = {
    parse: raw => parseDoctorSettings(raw),
    async run(settings, ctx) {
        const result = await doctor(settings, ctx);
        return {
            data: result,
            outputs: {},
            summary: () => doctorSummary(result),
            failure: doctorFailure(result)
        };
    }
};

// EXTERNAL MODULE: ./build/ncc/core/drivers/driver.js
var driver = __nccwpck_require__(2761);
;// CONCATENATED MODULE: ./build/ncc/core/drivers/command-driver.js






/** Lines of a failed script's output the summary shows. */
const TAIL_LINES = 10;
/**
 * Runs the user's bash script the way a `run:` step does (`bash -eo pipefail file`), with every
 * value in environment variables so no version or environment name becomes shell text.
 */
function createCommandDriver(settings, baseEnv) {
    const scriptFor = (request) => request.operation === 'rollback' && settings.rollbackRun.trim() !== ''
        ? settings.rollbackRun
        : settings.run;
    return {
        name: 'command',
        async preflight() { },
        plan(request) {
            const label = request.operation === 'rollback' && settings.rollbackRun.trim() ? 'rollback-run' : 'run';
            return [
                `run the \`${label}\` script with bash -eo pipefail (timeout ${settings.timeoutSeconds} s)`,
                ...Object.entries((0,driver/* requestVariables */.x5)(request)).map(([k, v]) => `  ${k}=${v}`)
            ];
        },
        async apply(request, ctx) {
            const dir = await (0,promises_.mkdtemp)((0,external_node_path_.join)(ctx.run.tempDir ?? (0,external_node_os_.tmpdir)(), 'shiprail-run-'));
            try {
                const file = (0,external_node_path_.join)(dir, 'script.sh');
                await (0,promises_.writeFile)(file, scriptFor(request), { mode: 0o600 });
                const timeoutMs = settings.timeoutSeconds * 1000;
                const tail = [];
                const result = await (0,process_runner/* runProcess */.R)('bash', {
                    args: ['--noprofile', '--norc', '-eo', 'pipefail', file],
                    cwd: ctx.run.workspace,
                    env: { ...baseEnv, ...(0,driver/* requestVariables */.x5)(request) },
                    timeoutMs,
                    signal: ctx.signal,
                    onLine: line => {
                        const masked = ctx.secrets.redact(line);
                        ctx.logger.info(masked);
                        tail.push(masked);
                        if (tail.length > TAIL_LINES)
                            tail.shift();
                    }
                });
                if (result.exitCode !== 0) {
                    throw new errors/* CheckFailedError */.CO(`The ${request.operation} script ${(0,process_runner/* describeExit */.K)(result, timeoutMs)}.`, tail);
                }
                return {};
            }
            finally {
                await (0,promises_.rm)(dir, { recursive: true, force: true });
            }
        }
    };
}

;// CONCATENATED MODULE: ./build/ncc/core/drivers/create-driver.js

async function createDriver(settings, ctx) {
    if (settings.kind === 'command')
        return createCommandDriver(settings, ctx.run.env);
    if (settings.kind === 'containers') {
        const { createContainersDriver } = await __nccwpck_require__.e(/* import() */ 584).then(__nccwpck_require__.bind(__nccwpck_require__, 2584));
        return createContainersDriver(settings);
    }
    // Loaded on demand: the releases driver pulls in SSH and rsync handling a command deploy never needs.
    const { createReleasesDriver } = await __nccwpck_require__.e(/* import() */ 350).then(__nccwpck_require__.bind(__nccwpck_require__, 350));
    return createReleasesDriver(settings);
}

// EXTERNAL MODULE: ./build/ncc/core/ledger/deployment-state.js
var deployment_state = __nccwpck_require__(4570);
;// CONCATENATED MODULE: ./build/ncc/core/ledger/promotion.js

/** A commit as people quote it: the first 12 hex digits. */
function promotion_short(ref) {
    return ref ? ref.slice(0, 12) : '(no commit recorded)';
}
/**
 * promote-from: the version must have deployed in the source environment, from the same commit,
 * and passed every check run against it there. A version label can be reused for another build,
 * so the label alone proves nothing: the commit SHA (`ref`) must match too. Records are newest
 * first; only the newest record of the version counts, so a later failed redeploy of the same
 * version blocks promotion.
 */
function checkPromotion(records, version, ref, sourceEnvironment) {
    const states = (0,deployment_state/* stateNames */.U0)(records);
    const context = records.length
        ? `${sourceEnvironment} has: ${records
            .slice(0, 3)
            .map((r, i) => (0,deployment_state/* describeRecord */.TV)(r, states[i]))
            .join(', ')}`
        : `${sourceEnvironment} has no deployments`;
    const index = records.findIndex(r => r.payload.version === version);
    if (index < 0) {
        return {
            allowed: false,
            reason: `version ${version} was never deployed to ${sourceEnvironment} (${context}).`
        };
    }
    const latest = records[index];
    if (latest.ref.toLowerCase() !== ref.toLowerCase()) {
        const verified = records.find(r => r.payload.version === version && (0,deployment_state/* deploymentState */.DY)(r).verified);
        const there = verified === latest
            ? `verified commit ${promotion_short(latest.ref)}`
            : `is commit ${promotion_short(latest.ref)} (${(0,deployment_state/* describeRecord */.TV)(latest, states[index])})${verified ? `; it verified commit ${promotion_short(verified.ref)} before that` : ''}`;
        return {
            allowed: false,
            reason: `version ${version} in ${sourceEnvironment} ${there}, not ${promotion_short(ref)}: the same label was built from another commit (${context}).`
        };
    }
    if (!(0,deployment_state/* deploymentState */.DY)(latest).verified) {
        const others = records
            .slice(0, 3)
            .map((r, i) => (i === index ? '' : (0,deployment_state/* describeRecord */.TV)(r, states[i])))
            .filter(Boolean);
        const also = others.length ? ` (${sourceEnvironment} also has: ${others.join(', ')})` : '';
        // Deployed with no verdict yet: say so, or "2 (live)" reads as if being live were the fault.
        const unchecked = (0,deployment_state/* deploymentState */.DY)(latest).deployed && (0,deployment_state/* deploymentState */.DY)(latest).verdicts.length === 0
            ? ', no check has recorded a verdict on it'
            : '';
        return {
            allowed: false,
            reason: `version ${version} is not verified in ${sourceEnvironment}: ${(0,deployment_state/* describeRecord */.TV)(latest, states[index])}${unchecked}${also}.`
        };
    }
    return { allowed: true, from: latest };
}

;// CONCATENATED MODULE: ./build/ncc/core/ledger/supersede.js


/** A supersede walk looks at no more deployments than this. */
const SUPERSEDE_SCAN_LIMIT = 100;
/**
 * After a deployment succeeds, every earlier deployment of the environment that still counts as
 * live is marked inactive (GitHub never does this for production environments). The walk stops
 * at the first deployment already inactive: whoever made it inactive handled everything older,
 * so the usual cost is two status reads and one write, however long the history.
 */
async function supersedeEarlier(ledger, environment, currentId, logger) {
    let scanned = 0;
    let marked = 0;
    // History is newest first: anything before the current deployment is newer (a concurrent
    // deploy that started later) and is not ours to supersede.
    let older = false;
    for await (const record of ledger.history(environment)) {
        if (!older) {
            older = record.id === currentId;
            continue;
        }
        const state = (0,deployment_state/* deploymentState */.DY)(record);
        if (state.inactive)
            break;
        if (state.deployed) {
            await ledger.addStatus(record.id, (0,ledger_ledger/* shiprailInactive */.kW)(`superseded by deployment ${currentId}`));
            marked++;
        }
        if (++scanned >= SUPERSEDE_SCAN_LIMIT) {
            logger.warning(`Stopped marking earlier deployments inactive after ${scanned}; older ones are left as they are.`);
            break;
        }
    }
    return marked;
}

;// CONCATENATED MODULE: ./build/ncc/core/ledger/same-run.js
/**
 * Whether a deployment was created by the run that is asking. A GitHub Actions run URL names its
 * attempt (`/actions/runs/<id>/attempts/<n>`); a re-run of a failed job is still the same run, so
 * GitHub run URLs compare by repository and run id. Other CI URLs (GitLab job, Jenkins build)
 * compare whole.
 */
function sameRun(recorded, current) {
    if (!recorded || !current)
        return false;
    const a = githubRun(recorded);
    const b = githubRun(current);
    if (a && b)
        return a === b;
    return recorded.replace(/\/+$/, '') === current.replace(/\/+$/, '');
}
function githubRun(url) {
    const m = /^(https?:\/\/[^/]+\/[^/]+\/[^/]+)\/actions\/runs\/(\d+)(?:\/attempts\/\d+)?\/?$/.exec(url);
    return m ? `${m[1].toLowerCase()}#${m[2]}` : undefined;
}

;// CONCATENATED MODULE: ./build/ncc/core/ledger/verdict.js



/** Input `record-verdict`: `auto` records only a verdict on this same run's deployment. */
const RECORD_VERDICT_MODES = ['auto', 'true', 'false'];
/**
 * Records a check's verdict on the live deployment of an environment, so rollback and
 * promote-from know which versions were verified. With `auto`, only when that deployment was
 * created by this same run: a check run by hand (a mistyped port) must never mark a good
 * version bad, or the next rollback would skip it.
 */
async function recordVerdict(ctx, environment, step, passed, detail, mode) {
    if (!environment || ctx.ledger.kind === 'none')
        return {};
    if (mode === 'false')
        return skipped(ctx, step, 'record-verdict is false');
    const live = await findLive(ctx, environment);
    if (!live) {
        return skipped(ctx, step, `no live deployment of ${environment} in the ledger`);
    }
    if (mode === 'auto' && !sameRun(live.payload.run_url, ctx.run.runUrl)) {
        const by = live.payload.run_url ? `run ${live.payload.run_url}` : 'a run without a URL';
        return skipped(ctx, step, `live deployment ${live.id} (${live.payload.version}) was created by ${by}, not this one; set record-verdict: true to record a hand-run check`);
    }
    await ctx.ledger.addStatus(live.id, {
        state: passed ? 'success' : 'failure',
        description: (0,ledger_ledger/* clampDescription */.gs)(`${step} ${passed ? 'passed' : 'failed'}: ${detail}`),
        logUrl: ctx.run.runUrl
    });
    return { deployment: live };
}
function skipped(ctx, step, why) {
    ctx.logger.warning(`The ${step} verdict is not recorded: ${why}.`);
    return { notRecorded: why };
}
/** How far back a scan for the live deployment goes before giving up. */
const LIVE_SCAN_LIMIT = 50;
async function findLive(ctx, environment) {
    let scanned = 0;
    for await (const record of ctx.ledger.history(environment)) {
        if ((0,deployment_state/* isLive */.DG)(record))
            return record;
        if (++scanned >= LIVE_SCAN_LIMIT)
            break;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./build/ncc/core/retry.js
/** Exponential backoff with jitter: initial * 2^n, plus up to half of that at random, capped. */
function backoffDelay(attempt, initialDelayMs, maxDelayMs = 30_000, random = Math.random) {
    const base = Math.min(initialDelayMs * 2 ** attempt, maxDelayMs);
    return Math.min(Math.round(base + base * 0.5 * random()), maxDelayMs);
}
/** The one retry helper: calls fn until it succeeds, attempts run out, or the error is final. */
async function retry(fn, opts) {
    let last;
    for (let attempt = 0; attempt < opts.attempts; attempt++) {
        try {
            return await fn(attempt);
        }
        catch (err) {
            last = err;
            const more = attempt + 1 < opts.attempts;
            if (!more || (opts.retryable && !opts.retryable(err)) || opts.signal?.aborted)
                throw err;
            await opts.clock.sleep(backoffDelay(attempt, opts.initialDelayMs, opts.maxDelayMs, opts.random), opts.signal);
        }
    }
    throw last;
}

;// CONCATENATED MODULE: ./build/ncc/core/notify.js


/**
 * Text as Slack shows it literally: `&`, `<` and `>` escaped as Slack documents, so a version,
 * reason or error that holds `<!channel>`, `<!here>`, `<@U123>`, `<#C123>` or
 * `<!subteam^S123>` reaches the channel as text, never as a mention or a link.
 * https://api.slack.com/reference/surfaces/formatting#escaping
 */
function slackText(text) {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
/** A `<url|label>` link whose URL cannot close the link early or start another. */
function slackLink(url, label) {
    return `<${url.replace(/[<>| ]/g, c => encodeURIComponent(c))}|${label}>`;
}
/**
 * Posts a Slack-compatible message (`{"text": ...}`, also accepted by Mattermost, Rocket.Chat,
 * Discord's /slack endpoint and Teams workflows) to the notify-url webhook. A failed
 * notification is a warning: it never changes the step's outcome. `text` is shown literally;
 * the run's URL is appended as a link.
 */
async function notify(ctx, url, text) {
    if (!url)
        return;
    const message = slackText(text) + (ctx.run.runUrl ? ` ${slackLink(ctx.run.runUrl, 'run')}` : '');
    try {
        await retry(async () => {
            const response = await fetch(url, {
                method: 'POST',
                headers: { 'content-type': 'application/json' },
                body: JSON.stringify({ text: message }),
                signal: AbortSignal.timeout(10_000)
            });
            if (response.status >= 500 || response.status === 429)
                throw new Error(`HTTP ${response.status}`);
            if (!response.ok)
                throw Object.assign(new Error(`HTTP ${response.status}`), { final: true });
        }, {
            attempts: 3,
            initialDelayMs: 1000,
            clock: ctx.clock,
            retryable: err => !err.final
        });
    }
    catch (err) {
        // The URL is a secret: say what failed, never where.
        ctx.logger.warning(`The notify-url webhook failed: ${ctx.secrets.redact((0,errors/* errorMessage */.gJ)(err))}.`);
    }
}

;// CONCATENATED MODULE: ./build/ncc/core/ledger/environment-lock.js

function describeHolder(h) {
    const where = h.process ? `, ${h.process}` : '';
    return `deployment ${h.deploymentId} of ${h.version} (run ${h.runUrl ?? 'none recorded'}${where}), since ${h.since}`;
}
/** First wait when the environment is held; doubles up to MAX_WAIT_MS, with jitter. */
const FIRST_WAIT_MS = 1000;
const MAX_WAIT_MS = 15_000;
/**
 * Takes the environment for `own`, waiting up to `timeoutSeconds` with back-off. 0 refuses at
 * once. A refusal throws CheckFailedError naming the holder; the caller ends its own record.
 */
async function lockEnvironment(locking, own, timeoutSeconds, ctx) {
    const deadline = ctx.clock.now().getTime() + timeoutSeconds * 1000;
    let wait = FIRST_WAIT_MS;
    let said = false;
    for (;;) {
        const attempt = await locking.tryLock(own, ctx);
        if (attempt.acquired)
            return attempt.release;
        const holder = describeHolder(attempt.holder);
        const left = deadline - ctx.clock.now().getTime();
        if (left <= 0) {
            const waited = timeoutSeconds > 0 ? ` after waiting ${timeoutSeconds} s` : '';
            throw new errors/* CheckFailedError */.CO(`${own.environment} is locked by another deploy${waited}: ${holder}. One deploy per environment at a time; set lock-timeout to wait for it.`);
        }
        if (!said) {
            ctx.logger.info(`Waiting up to ${timeoutSeconds} s for ${own.environment}, held by ${holder}`);
            said = true;
        }
        await ctx.clock.sleep(Math.min(left, wait * (0.75 + Math.random() / 2)), ctx.signal);
        wait = Math.min(MAX_WAIT_MS, wait * 2);
    }
}

;// CONCATENATED MODULE: ./build/ncc/core/steps/phases.js
/** Runs one phase of a step in its own log group and records how long it took. */
async function timed(ctx, phases, name, fn) {
    const start = ctx.clock.now().getTime();
    try {
        return await ctx.logger.group(name, fn);
    }
    finally {
        phases.push({ name, ms: ctx.clock.now().getTime() - start });
    }
}

;// CONCATENATED MODULE: ./build/ncc/core/steps/apply-deployment.js




/**
 * The sequence deploy and rollback share: for a deploy, let the driver resolve what the record
 * must carry (containers: the image ID on every host); record the deployment as in progress,
 * let the driver put the version live, then record its outcome. A driver failure (resolving
 * included) becomes outcome `failure` (the ledger says so too); only ledger errors throw. The
 * post step is told about the record as soon as it exists, so a cancelled job still ends it
 * with a terminal status.
 */
async function applyDeployment(ctx, driver, phases, plan) {
    const resolved = await resolveFirst(ctx, driver, phases, plan.request);
    const record = await timed(ctx, phases, 'record start', () => ctx.ledger.create({ ...plan.record, payload: { ...plan.record.payload, ...resolved?.payload } }));
    const request = {
        ...plan.request,
        deploymentId: record.id,
        ...(resolved ? { images: resolved.payload } : {})
    };
    if (record.id)
        ctx.onDeploymentStarted?.(record.id);
    const release = await holdEnvironment(ctx, phases, record, plan);
    try {
        return await applyHeld(ctx, driver, phases, plan, record, request, resolved?.error);
    }
    finally {
        await release();
    }
}
/**
 * driver.resolve's payload fields for a deploy, or the error that fails the deploy once it is
 * recorded (a deploy that could not get its image is in the ledger as failed, like any other).
 */
async function resolveFirst(ctx, driver, phases, request) {
    if (!driver.resolve || request.operation !== 'deploy')
        return undefined;
    try {
        return {
            payload: await timed(ctx, phases, `${driver.name} resolve`, () => driver.resolve(request, ctx))
        };
    }
    catch (error) {
        return { payload: {}, error };
    }
}
/**
 * One deploy per environment at a time, whatever the driver: the ledger holds the environment
 * from the record's creation until its outcome is recorded. A refused record (locked, or the
 * plan no longer holds once the lock is taken) is ended with `error`, so it never counts as
 * live, and the lock is let go.
 */
async function holdEnvironment(ctx, phases, record, plan) {
    const locking = ctx.ledger.locking;
    if (!locking || !record.id)
        return async () => undefined;
    let release;
    try {
        release = await timed(ctx, phases, 'lock environment', () => lockEnvironment(locking, record, plan.lockTimeoutSeconds, ctx));
        await plan.confirm?.();
        return release;
    }
    catch (err) {
        await release?.();
        const why = ctx.secrets.redact((0,errors/* errorMessage */.gJ)(err));
        await ctx.ledger.addStatus(record.id, {
            state: 'error',
            description: (0,ledger_ledger/* clampDescription */.gs)(`Not run: ${why}`),
            logUrl: ctx.run.runUrl
        });
        ctx.onDeploymentFinished?.(record.id);
        throw err;
    }
}
async function applyHeld(ctx, driver, phases, plan, record, request, resolveError) {
    const applied = {
        outcome: 'failure',
        deploymentId: record.id,
        release: null,
        hosts: [],
        driverMs: 0
    };
    const driverPhase = `${plan.record.payload.driver} driver`;
    try {
        const outcome = await timed(ctx, phases, driverPhase, () => resolveError === undefined ? driver.apply(request, ctx) : Promise.reject(resolveError));
        applied.release = outcome.release ?? null;
        applied.hosts = outcome.hosts ?? [];
        applied.outcome = 'success';
    }
    catch (err) {
        applied.error = ctx.secrets.redact((0,errors/* errorMessage */.gJ)(err));
        applied.failedPhase = driverPhase;
        if (err instanceof errors/* CheckFailedError */.CO && err.lastLines.length)
            applied.lastLines = err.lastLines.map(line => ctx.secrets.redact(line));
    }
    applied.driverMs = phases[phases.length - 1].ms;
    await timed(ctx, phases, 'record outcome', async () => {
        if (!record.id)
            return;
        const ok = applied.outcome === 'success';
        await ctx.ledger.addStatus(record.id, {
            state: ok ? 'success' : 'failure',
            description: (0,ledger_ledger/* clampDescription */.gs)(ok ? plan.successDescription : plan.failureDescription(applied.error ?? '')),
            logUrl: ctx.run.runUrl,
            environmentUrl: ok ? plan.environmentUrl : undefined
        });
        ctx.onDeploymentFinished?.(record.id);
        if (ok)
            await plan.afterSuccess(record.id);
    });
    return applied;
}

;// CONCATENATED MODULE: ./build/ncc/core/steps/deploy.js











async function checkPromoteFrom(settings, ctx) {
    if (!settings.promoteFrom)
        return;
    const records = [];
    for await (const record of ctx.ledger.history(settings.promoteFrom)) {
        records.push(record);
        if (record.payload.version === settings.version || records.length >= LIVE_SCAN_LIMIT)
            break;
    }
    const verdict = checkPromotion(records, settings.version, settings.ref, settings.promoteFrom);
    if (!verdict.allowed) {
        throw new errors/* CheckFailedError */.CO(`Refusing to deploy to ${settings.environment}: ${verdict.reason}`);
    }
    ctx.logger.info(`promote-from: ${settings.version} is verified in ${settings.promoteFrom} at commit ${settings.ref} (deployment ${verdict.from.id}).`);
}
/**
 * The deploy step: read what is live, check promotion, record the deployment as in progress,
 * let the driver put the version live, then record success (superseding earlier deployments)
 * or failure. A failed deploy returns outcome `failure`; bad input throws before anything changes.
 */
async function deploy(settings, ctx) {
    const startedAt = ctx.clock.now();
    const driver = await createDriver(settings.driver, ctx);
    // A dry run changes nothing and connects only through doctor.
    if (!settings.dryRun)
        driver.warm?.(ctx);
    try {
        return await deployWith(driver, settings, startedAt, ctx);
    }
    finally {
        await driver.dispose?.();
    }
}
async function deployWith(driver, settings, startedAt, ctx) {
    const phases = [];
    await driver.preflight(ctx);
    const live = await timed(ctx, phases, 'plan', async () => {
        const found = await findLive(ctx, settings.environment);
        await checkPromoteFrom(settings, ctx);
        return found;
    });
    const previousVersion = live?.payload.version || null;
    const result = {
        step: 'deploy',
        outcome: 'planned',
        environment: settings.environment,
        version: settings.version,
        previousVersion,
        ref: settings.ref,
        driver: settings.driver.kind,
        ledger: ctx.ledger.kind,
        deploymentId: '',
        environmentUrl: settings.environmentUrl ?? null,
        productionEnvironment: settings.productionEnvironment,
        release: null,
        hosts: [],
        phases,
        startedAt: startedAt.toISOString(),
        durationMs: 0
    };
    const request = {
        operation: 'deploy',
        environment: settings.environment,
        version: settings.version,
        previousVersion: previousVersion ?? undefined,
        ref: settings.ref,
        deploymentId: ''
    };
    if (settings.dryRun) {
        result.plan = [
            `deploy ${settings.version} to ${settings.environment} (live now: ${previousVersion ?? 'nothing'})`,
            ctx.ledger.kind === 'none'
                ? 'record nothing (ledger: none)'
                : `record a deployment in the ${ctx.ledger.kind} ledger, then mark earlier ones inactive`,
            ...driver.plan(request)
        ];
        for (const line of result.plan)
            ctx.logger.info(`[dry-run] ${line}`);
        if (settings.driver.kind === 'releases') {
            const driverSettings = settings.driver;
            const checked = await timed(ctx, phases, 'doctor', () => doctor(doctorSettingsForDeploy(driverSettings), ctx));
            result.preflight = checked.hosts;
            const problems = checked.hosts.flatMap(h => h.checks.filter(c => !c.ok).map(c => `${h.host} ${c.name}: ${c.detail}`));
            if (problems.length) {
                result.outcome = 'failure';
                result.failedPhase = 'doctor';
                result.error = `dry run: the hosts are not ready (${problems.join('; ')}); shiprail doctor gives the fix for each`;
            }
        }
        result.durationMs = ctx.clock.now().getTime() - startedAt.getTime();
        return result;
    }
    const applied = await applyDeployment(ctx, driver, phases, {
        record: {
            environment: settings.environment,
            ref: settings.ref,
            description: (0,ledger_ledger/* clampDescription */.gs)(`Deploying ${settings.version} with Shiprail`),
            productionEnvironment: settings.productionEnvironment,
            logUrl: ctx.run.runUrl,
            payload: {
                version: settings.version,
                driver: settings.driver.kind,
                previous_version: previousVersion,
                operation: 'deploy',
                run_url: ctx.run.runUrl ?? null,
                previous_deployment_id: live?.id ?? null,
                ...(settings.driver.kind === 'containers' ? { image: settings.driver.image } : {})
            }
        },
        request,
        successDescription: `Deployed ${settings.version}`,
        failureDescription: error => `Deploy of ${settings.version} failed: ${error}`,
        environmentUrl: settings.environmentUrl,
        lockTimeoutSeconds: settings.driver.lockTimeoutSeconds,
        async afterSuccess(id) {
            const marked = await supersedeEarlier(ctx.ledger, settings.environment, id, ctx.logger);
            if (marked)
                ctx.logger.info(`Marked ${marked} earlier deployment(s) of ${settings.environment} inactive.`);
        }
    });
    result.deploymentId = applied.deploymentId;
    result.release = applied.release;
    result.hosts = applied.hosts;
    result.outcome = applied.outcome;
    if (applied.error !== undefined)
        result.error = applied.error;
    if (applied.failedPhase !== undefined)
        result.failedPhase = applied.failedPhase;
    if (applied.lastLines !== undefined)
        result.lastLines = applied.lastLines;
    result.durationMs = ctx.clock.now().getTime() - startedAt.getTime();
    await notify(ctx, settings.notifyUrl, deployMessage(result));
    return result;
}
function deployMessage(result) {
    const icon = result.outcome === 'success' ? ':white_check_mark:' : ':x:';
    const verb = result.outcome === 'success' ? 'deployed' : 'failed to deploy';
    const from = result.previousVersion ? ` (was ${result.previousVersion})` : '';
    const why = result.error ? `: ${result.error}` : '';
    return `${icon} Shiprail ${verb} ${result.version} to ${result.environment}${from}${why}`;
}

;// CONCATENATED MODULE: ./build/ncc/core/settings/rollback-settings.js




function parseRollbackSettings(raw, defaults) {
    const reader = new InputReader(raw);
    const common = parseCommon(reader, defaults, true);
    const toVersion = reader.string('to-version');
    if (toVersion && !VERSION_PATTERN.test(toVersion)) {
        throw new errors/* InputError */.dz('to-version', `is ${showValue(toVersion)}`, VERSION_FORM);
    }
    const reason = reader.text('reason').replace(/\s+/g, ' ').trim();
    if (reason.length > 500)
        throw new errors/* InputError */.dz('reason', 'is longer than 500 characters', 'a short sentence');
    const production = reader.has('production-environment')
        ? reader.bool('production-environment')
        : isProductionName(common.environment);
    if (common.ledger === 'none') {
        throw new errors/* InputError */.dz('ledger', 'is `none`, but rollback needs the history', '`github` or `file`');
    }
    return {
        ...common,
        toVersion,
        reason,
        force: reader.bool('force'),
        productionEnvironment: production,
        environmentUrl: reader.url('environment-url'),
        notifyUrl: reader.url('notify-url', true),
        driver: parseDriver(reader, 'rollback')
    };
}

;// CONCATENATED MODULE: ./build/ncc/core/checks/status-range.js
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
        type: STATUS_FORM,
        default: DEFAULT_STATUS,
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

;// CONCATENATED MODULE: ./build/ncc/core/checks/check-spec.js

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
            out.push(`header ${h.name} contains ${JSON.stringify(isCredentialHeader(h.name) ? '***' : h.contains)}`);
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

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __nccwpck_require__(8815);
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
        throw new errors/* InputError */.dz('checks', `names the file ${show(file)}, which ${problem} (looked at ${full})`, CHECKS_FORM);
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
        throw label.error(field, `${show(maskUrl(text))}, not an http(s) URL`, URL_FORM);
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
    const unnamed = new CheckLabel(index, undefined, source);
    if (!isMap(text) || !isMap(typed)) {
        throw new errors/* InputError */.dz('checks', `has a ${describeType(text)} as ${unnamed}`, 'each check to be a map of fields, e.g. `- path: /health`');
    }
    const nameText = text.name === undefined ? undefined : scalarText(unnamed, 'name', text.name, check_parser_form('name'));
    if (nameText !== undefined &&
        (nameText.trim() === '' || /[\r\n]/.test(nameText) || nameText.length > 100)) {
        throw unnamed.error('name', show(nameText), check_parser_form('name'));
    }
    const label = new CheckLabel(index, nameText, source);
    for (const field of Object.keys(text)) {
        if (!CHECK_FIELDS.includes(field)) {
            const guess = suggestField(field, CHECK_FIELDS);
            throw new errors/* InputError */.dz('checks', `has an unknown field \`${field}\` in ${label}`, guess
                ? `\`${guess}\` (did you mean it?)`
                : `one of ${CHECK_FIELDS.map(f => `\`${f}\``).join(', ')}`);
        }
    }
    const methodText = text.method === undefined
        ? fallback('method')
        : scalarText(label, 'method', text.method, check_parser_form('method'));
    const method = methodText.toUpperCase();
    if (!HTTP_METHODS.includes(method))
        throw label.error('method', show(methodText), check_parser_form('method'));
    let url;
    let shownPath;
    if (text.url !== undefined && text.path !== undefined) {
        throw label.error('url', 'a value next to `path`', 'either `url` (absolute) or `path` (joined to the `url` input), not both');
    }
    else if (text.url !== undefined) {
        url = parseUrl(label, 'url', scalarText(label, 'url', text.url, check_parser_form('url')));
        const parsed = new URL(maskUrl(url));
        shownPath = `${parsed.pathname}${parsed.search}`;
    }
    else if (text.path !== undefined) {
        const path = scalarText(label, 'path', text.path, check_parser_form('path'));
        if (/^[a-z][a-z0-9+.-]*:/i.test(path)) {
            throw label.error('path', `${show(maskUrl(path))}, a full URL`, 'a path such as `/health`; put full URLs in `url`');
        }
        if (path.trim() === '' || /\s/.test(path))
            throw label.error('path', show(path), check_parser_form('path'));
        if (!base) {
            throw label.error('path', `${show(path)} but no base URL`, 'the `url` input set to a base URL (e.g. `https://staging.example.com`), or a full `url` in the check');
        }
        url = joinUrl(base, path);
        const parsed = new URL(maskUrl(url));
        shownPath = `${parsed.pathname}${parsed.search}`;
    }
    else {
        throw new errors/* InputError */.dz('checks', `has no \`url\` or \`path\` in ${label}`, '`path: /health` (joined to the `url` input) or `url: https://...`');
    }
    const headers = {};
    if (text.headers !== undefined) {
        if (!isMap(text.headers))
            throw label.error('headers', `a ${describeType(text.headers)}`, check_parser_form('headers'));
        const seen = new Set();
        for (const [name, value] of Object.entries(text.headers)) {
            if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) {
                throw label.error('headers', `the header name ${show(name)}`, 'header names made of letters, digits and `-`');
            }
            if (seen.has(name.toLowerCase()))
                throw label.error('headers', `${show(name)} twice`, 'each header once');
            seen.add(name.toLowerCase());
            // Values are never echoed: they may be credentials.
            if (!isScalar(value))
                throw label.error('headers', `a ${describeType(value)} for ${show(name)}`, 'a text value per header');
            if (/[\r\n\0]/.test(String(value)))
                throw label.error('headers', `a line break in the value of ${show(name)}`, 'a one-line value');
            headers[name] = String(value);
        }
    }
    let body;
    if (text.body !== undefined && text.body !== null) {
        if (method === 'HEAD')
            throw label.error('body', 'a body for a HEAD request', 'no `body` with `method: HEAD`');
        if (isScalar(text.body)) {
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
        if (!isScalar(status) && !(Array.isArray(status) && status.every(isScalar)))
            throw new StatusRangeError(`a ${describeType(status)}`);
        expectStatus = parseStatusRange(status);
    }
    catch (err) {
        if (!(err instanceof StatusRangeError))
            throw err;
        throw label.error('expect-status', err.message, check_parser_form('expect-status'));
    }
    const expectBodyContains = text['expect-body-contains'] === undefined
        ? []
        : stringList(label, 'expect-body-contains', text['expect-body-contains'], check_parser_form('expect-body-contains'));
    const expectBodyRegex = text['expect-body-regex'] === undefined
        ? []
        : stringList(label, 'expect-body-regex', text['expect-body-regex'], check_parser_form('expect-body-regex')).map(r => {
            try {
                return parseRegex(r);
            }
            catch (err) {
                throw label.error('expect-body-regex', `the bad regular expression ${show(r)} (${err.message})`, check_parser_form('expect-body-regex'));
            }
        });
    const expectJson = [];
    if (text['expect-json'] !== undefined) {
        const typedJson = typed['expect-json'];
        const map = text['expect-json'];
        if (!isMap(map) || !isMap(typedJson) || Object.keys(map).length === 0) {
            throw label.error('expect-json', `a ${describeType(map)}`, check_parser_form('expect-json'));
        }
        for (const path of Object.keys(map)) {
            let segments;
            try {
                segments = parseJsonPath(path);
            }
            catch {
                throw label.error('expect-json', `the path ${show(path)}`, 'a dotted path such as `data.version` or `items.0.id`');
            }
            expectJson.push({ path, segments, expected: typedJson[path], expectedText: map[path] });
        }
    }
    const expectHeader = [];
    if (text['expect-header'] !== undefined) {
        const map = text['expect-header'];
        const accepted = check_parser_form('expect-header');
        if (!isMap(map) || Object.keys(map).length === 0)
            throw label.error('expect-header', `a ${describeType(map)}`, accepted);
        for (const [name, value] of Object.entries(map)) {
            if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name))
                throw label.error('expect-header', `the header name ${show(name)}`, accepted);
            const expected = value === null ? '' : scalarText(label, 'expect-header', value, accepted);
            let regex;
            if (/^\/.+\/[a-z]*$/s.test(expected)) {
                try {
                    regex = parseRegex(expected);
                }
                catch (err) {
                    throw label.error('expect-header', `the bad regular expression ${show(expected)} for ${name} (${err.message})`, REGEX_FORM);
                }
            }
            expectHeader.push({ name: name.toLowerCase(), contains: regex ? '' : expected, regex });
        }
    }
    let maxLatencyMs;
    if (text['max-latency-ms'] !== undefined) {
        const value = scalarText(label, 'max-latency-ms', text['max-latency-ms'], check_parser_form('max-latency-ms'));
        maxLatencyMs = Number(value);
        if (!/^\d+(\.\d+)?$/.test(value) || maxLatencyMs < 1 || maxLatencyMs > 600_000) {
            throw label.error('max-latency-ms', show(value), check_parser_form('max-latency-ms'));
        }
    }
    let expectVersion;
    if (text['expect-version'] !== undefined) {
        expectVersion = scalarText(label, 'expect-version', text['expect-version'], check_parser_form('expect-version'));
        if (expectVersion.trim() === '' || /\s/.test(expectVersion) || expectVersion.length > 128) {
            throw label.error('expect-version', show(expectVersion), check_parser_form('expect-version'));
        }
    }
    const redirects = text['follow-redirects'] === undefined
        ? fallback('follow-redirects')
        : scalarText(label, 'follow-redirects', text['follow-redirects'], check_parser_form('follow-redirects'));
    if (!Object.hasOwn(BOOL_WORDS, redirects))
        throw label.error('follow-redirects', show(redirects), check_parser_form('follow-redirects'));
    const followRedirects = BOOL_WORDS[redirects];
    return {
        name: nameText,
        defaultName: `${method} ${shownPath}`,
        url,
        shownUrl: maskUrl(url),
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
        throw new errors/* InputError */.dz('checks', `is a ${describeType(typed)}${source ? ` in ${source}` : ''}, not a list`, CHECKS_FORM);
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
            throw new errors/* InputError */.dz('checks', `names ${show(c.name)} twice (checks ${other + 1} and ${i + 1})`, 'a unique `name` per check');
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
        throw new errors/* InputError */.dz('url', `is ${show(maskUrl(value))}`, URL_FORM);
    }
}

;// CONCATENATED MODULE: ./build/ncc/core/settings/smoke-test-settings.js





/** Reads and validates every smoke-test input; nothing is sent before this succeeds. */
function parseSmokeTestSettings(raw, defaults, workspace) {
    const reader = new InputReader(raw);
    const common = parseCommon(reader, defaults, false);
    const url = reader.url('url') ?? '';
    const checksText = reader.text('checks');
    if (url === '' && checksText.trim() === '') {
        throw new errors/* InputError */.dz('url', 'and `checks` are both empty', 'a `url` to GET (expects 2xx), or a `checks` list, or both (then `path` in a check is joined to `url`)');
    }
    const timeoutMs = reader.int('timeout', 1, 3600) * 1000;
    const requestTimeoutMs = reader.int('request-timeout', 1, 600) * 1000;
    const retryIntervalMs = Math.round(reader.number('retry-interval', 0.1, 60) * 1000);
    const consecutiveSuccesses = reader.int('consecutive-successes', 1, 100);
    const concurrency = reader.int('concurrency', 1, 100);
    return {
        ...common,
        url,
        checks: parseChecks({ url, checks: checksText, workspace }),
        timeoutMs,
        requestTimeoutMs,
        retryIntervalMs,
        consecutiveSuccesses,
        concurrency,
        recordVerdict: reader.oneOf('record-verdict', RECORD_VERDICT_MODES)
    };
}

;// CONCATENATED MODULE: ./build/ncc/core/settings/status-check-settings.js







const QUERY_FIELDS = ['name', 'query', 'max', 'min'];
const QUERIES_FORM = 'a YAML list of queries, each with `name`, `query` and `max` and/or `min`, e.g. `- {name: error-rate, query: "sum(rate(http_requests_total{code=~\\"5..\\"}[5m])) / sum(rate(http_requests_total[5m]))", max: 0.01}`';
const status_check_settings_REGEX_FORM = 'a JavaScript regular expression, optionally written `/pattern/flags` (flags i, m, s, u)';
const MAX_QUERIES = 100;
function queryError(index, name, problem, accepted) {
    const label = typeof name === 'string' && name.trim() !== '' ? ` (${showValue(name)})` : '';
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
        throw new errors/* InputError */.dz('prometheus-queries', `is a ${describeType(items)}, not a list`, QUERIES_FORM);
    if (items.length === 0)
        throw new errors/* InputError */.dz('prometheus-queries', 'is an empty list', QUERIES_FORM);
    if (items.length > MAX_QUERIES) {
        throw new errors/* InputError */.dz('prometheus-queries', `has ${items.length} queries`, `at most ${MAX_QUERIES}`);
    }
    const seen = new Map();
    return items.map((item, i) => {
        if (!isMap(item)) {
            throw queryError(i, undefined, `a ${describeType(item)} instead of a map`, 'each query to be a map with `name`, `query` and `max` and/or `min`');
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
            throw queryError(i, undefined, `a bad \`name\` (${typeof rawName === 'string' ? showValue(rawName) : `a ${describeType(rawName)}`})`, 'a one-line name of at most 100 characters');
        }
        const query = item.query;
        if (query === undefined || query === null)
            throw queryError(i, rawName, 'no `query`', 'a PromQL expression in `query`');
        if (typeof query !== 'string' || query.trim() === '') {
            throw queryError(i, rawName, `a ${typeof query === 'string' ? 'blank' : describeType(query)} \`query\``, 'a PromQL expression in `query`');
        }
        const limits = {};
        for (const field of ['max', 'min']) {
            if (item[field] === undefined)
                continue;
            const n = bound(item[field]);
            if (n === undefined) {
                const given = item[field];
                throw queryError(i, rawName, `a bad \`${field}\` (${typeof given === 'string' ? showValue(given) : `a ${describeType(given)}`})`, `a number in \`${field}\`, e.g. \`0.01\``);
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
            throw new errors/* InputError */.dz('prometheus-queries', `names ${showValue(name)} twice (queries ${other + 1} and ${i + 1})`, 'a unique `name` per query');
        }
        seen.set(name, i);
        return { name, query: query.trim(), ...limits };
    });
}
/** Reads and validates every status-check input; nothing is sent before this succeeds. */
function parseStatusCheckSettings(raw, defaults, workspace) {
    const reader = new InputReader(raw);
    const common = parseCommon(reader, defaults, true);
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
        : parseChecks({ url, checks: checksText, workspace });
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
        logErrorPattern = parseRegex(patternText);
    }
    catch (err) {
        throw new errors/* InputError */.dz('log-error-pattern', `is ${showValue(patternText)}, not a valid regular expression (${err.message})`, status_check_settings_REGEX_FORM);
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
        recordVerdict: reader.oneOf('record-verdict', RECORD_VERDICT_MODES)
    };
}

;// CONCATENATED MODULE: ./build/ncc/core/ledger/rollback-target.js

/** What a history holds, in the state words, for "no target" messages. */
function describeHistory(records, limit = 5) {
    if (!records.length)
        return 'no deployments';
    const states = (0,deployment_state/* stateNames */.U0)(records);
    const words = records.slice(0, limit).map((r, i) => (0,deployment_state/* describeRecord */.TV)(r, states[i]));
    return words.join(', ') + (records.length > limit ? `, and ${records.length - limit} older` : '');
}
/**
 * Versions whose newest completed deployment is bad (a check failed on it, or it was rolled back
 * from). A version redeployed and verified later is known-good again.
 */
function badVersions(records) {
    const seen = new Set();
    const bad = new Set();
    for (const r of records) {
        const s = (0,deployment_state/* deploymentState */.DY)(r);
        if (!s.deployed || seen.has(r.payload.version))
            continue;
        seen.add(r.payload.version);
        if (s.bad)
            bad.add(r.payload.version);
    }
    return bad;
}
/**
 * Picks the rollback target from an environment's history (newest first). Never the live
 * version, never a bad one, never a guess:
 * - with `toVersion`: that version's newest successful deployment; unless `force`, it must have
 *   deployed here and must not be bad;
 * - otherwise the newest version before the live one whose newest deployment succeeded and is
 *   not bad, preferring one that passed its checks over one that was never checked.
 */
function chooseRollbackTarget(records, environment, options = {}) {
    const liveIndex = records.findIndex(deployment_state/* isLive */.DG);
    const history = describeHistory(records);
    if (liveIndex < 0) {
        return {
            ok: false,
            reason: `nothing is live in ${environment} to roll back from (history: ${history}).`
        };
    }
    const live = records[liveIndex];
    const bad = badVersions(records);
    if (options.toVersion) {
        const version = options.toVersion;
        if (version === live.payload.version) {
            return { ok: false, reason: `${version} is already live in ${environment}.` };
        }
        const found = records.find(r => r.payload.version === version && (0,deployment_state/* deploymentState */.DY)(r).deployed);
        if (!found) {
            if (options.force) {
                return {
                    ok: false,
                    reason: `${version} has no successful deployment in ${environment} to take its commit from; deploy it instead (history: ${history}).`
                };
            }
            return {
                ok: false,
                reason: `${version} never deployed successfully in ${environment} (history: ${history}); set force: true to roll back to it anyway.`
            };
        }
        if (bad.has(version) && !options.force) {
            return {
                ok: false,
                reason: `${version} is marked bad in ${environment} (a check failed on it or it was rolled back from); set force: true to roll back to it anyway.`
            };
        }
        return {
            ok: true,
            target: found,
            verified: (0,deployment_state/* deploymentState */.DY)(found).verified,
            note: options.force && bad.has(version) ? `forced: ${version} is marked bad` : undefined
        };
    }
    const seen = new Set([live.payload.version]);
    let unchecked;
    for (const r of records.slice(liveIndex + 1)) {
        const s = (0,deployment_state/* deploymentState */.DY)(r);
        if (!s.deployed || seen.has(r.payload.version))
            continue;
        seen.add(r.payload.version);
        if (bad.has(r.payload.version))
            continue;
        if (s.verified)
            return { ok: true, target: r, verified: true };
        unchecked ??= r;
    }
    if (unchecked) {
        return {
            ok: true,
            target: unchecked,
            verified: false,
            note: `${unchecked.payload.version} deployed successfully but no check was recorded on it`
        };
    }
    return {
        ok: false,
        reason: `no known-good version to roll back to in ${environment} (history: ${history}).`
    };
}
/** A rollback reads no further back than this many deployments. */
const ROLLBACK_SCAN_LIMIT = 100;
/**
 * Reads an environment's history (newest first) only as far as the choice needs: once a
 * verified target (or the requested version's deployment) is in hand, older records cannot
 * change it. Used by rollback and by history, so both name the same target.
 */
async function readRollbackTarget(history, environment, options = {}) {
    const records = [];
    for await (const record of history) {
        records.push(record);
        if (records.length >= ROLLBACK_SCAN_LIMIT)
            break;
        if (!records.some(deployment_state/* isLive */.DG))
            continue;
        if (options.toVersion) {
            if (record.payload.version === options.toVersion && (0,deployment_state/* deploymentState */.DY)(record).deployed)
                break;
            continue;
        }
        const choice = chooseRollbackTarget(records, environment, options);
        if (choice.ok && choice.verified)
            return { choice, records };
    }
    return { choice: chooseRollbackTarget(records, environment, options), records };
}

;// CONCATENATED MODULE: ./build/ncc/core/steps/rollback.js










/**
 * The rollback step: choose the target (never a guess), record a new deployment of it, let the
 * driver put it live (releases: switch to the kept release, no upload), then mark the deployment
 * rolled back from as failed and inactive, so it is never chosen again.
 */
async function rollback(settings, ctx) {
    const startedAt = ctx.clock.now();
    const phases = [];
    const driver = await createDriver(settings.driver, ctx);
    await driver.preflight(ctx);
    const { choice, records } = await timed(ctx, phases, 'choose target', () => readRollbackTarget(ctx.ledger.history(settings.environment), settings.environment, {
        toVersion: settings.toVersion || undefined,
        force: settings.force
    }));
    const live = records.find(deployment_state/* isLive */.DG);
    // A rollback of a deployment this same run created is the deploy undoing itself: automatic,
    // whatever started the run (push, workflow_dispatch, a CLI job in another CI).
    const automatic = live !== undefined && sameRun(live.payload.run_url, ctx.run.runUrl);
    // A person rolling production back by hand says why: bad input comes first, before anything
    // else is reported or changed.
    if (!automatic && ctx.run.manual && settings.productionEnvironment && !settings.reason) {
        throw new errors/* InputError */.dz('reason', `is required for a manual rollback of ${settings.environment}${live ? ` (${live.payload.version} was not deployed by this run)` : ''}`, 'a short sentence saying why');
    }
    if (!choice.ok || !live)
        throw new errors/* CheckFailedError */.CO(`Cannot roll back ${settings.environment}: ${choice.ok ? 'nothing is live' : choice.reason}`);
    const target = choice.target;
    // At most one automatic rollback per run: a run that already rolled this environment back
    // does not roll back again (a rollback loop would hide the real failure).
    if (automatic && live.payload.operation === 'rollback') {
        throw new errors/* CheckFailedError */.CO(`This run already rolled ${settings.environment} back to ${live.payload.version}; not rolling back twice in one run.`);
    }
    const reason = settings.reason || defaultReason(automatic, ctx.run);
    if (choice.note)
        ctx.logger.warning(`Rollback target: ${choice.note}.`);
    ctx.logger.info(`Rolling ${settings.environment} back from ${live.payload.version} to ${target.payload.version}: ${reason}`);
    const result = {
        step: 'rollback',
        outcome: 'planned',
        environment: settings.environment,
        version: target.payload.version,
        fromVersion: live.payload.version,
        fromDeploymentId: live.id,
        targetDeploymentId: target.id,
        targetVerified: choice.verified,
        reason,
        automatic,
        driver: settings.driver.kind,
        ledger: ctx.ledger.kind,
        environmentUrl: settings.environmentUrl ?? (0,ledger_ledger/* environmentUrlOf */.k0)(live) ?? null,
        deploymentId: '',
        release: null,
        hosts: [],
        phases,
        driverMs: 0,
        startedAt: startedAt.toISOString(),
        durationMs: 0,
        note: choice.note
    };
    // containers: the image the target recorded, by ID, so a re-pointed tag cannot change it.
    const images = settings.driver.kind === 'containers'
        ? {
            image: target.payload.image ?? null,
            image_id: target.payload.image_id ?? null,
            ...(target.payload.image_ids ? { image_ids: target.payload.image_ids } : {})
        }
        : undefined;
    const request = {
        operation: 'rollback',
        environment: settings.environment,
        version: target.payload.version,
        previousVersion: live.payload.version,
        ref: target.ref,
        deploymentId: '',
        ...(images ? { images } : {})
    };
    if (settings.dryRun) {
        result.plan = [
            `roll ${settings.environment} back from ${live.payload.version} (deployment ${live.id}) to ${target.payload.version} (deployment ${target.id})`,
            `record a rollback deployment in the ${ctx.ledger.kind} ledger; mark deployment ${live.id} failed and inactive`,
            ...driver.plan(request)
        ];
        for (const line of result.plan)
            ctx.logger.info(`[dry-run] ${line}`);
        result.durationMs = ctx.clock.now().getTime() - startedAt.getTime();
        return result;
    }
    const applied = await applyDeployment(ctx, driver, phases, {
        record: {
            environment: settings.environment,
            ref: target.ref,
            description: (0,ledger_ledger/* clampDescription */.gs)(`Rolling back to ${target.payload.version} from ${live.payload.version}`),
            productionEnvironment: settings.productionEnvironment,
            logUrl: ctx.run.runUrl,
            payload: {
                version: target.payload.version,
                driver: settings.driver.kind,
                previous_version: live.payload.version,
                operation: 'rollback',
                run_url: ctx.run.runUrl ?? null,
                // The good deployment before the target, so a second rollback can continue the chain.
                previous_deployment_id: target.payload.previous_deployment_id ?? null,
                rollback_of: live.id,
                reason,
                release: target.payload.release ?? null,
                ...images
            }
        },
        request,
        successDescription: `Rolled back to ${target.payload.version}: ${reason}`,
        failureDescription: error => `Rollback to ${target.payload.version} failed: ${error}`,
        // The URL stays the environment's after a rollback: carry it over when none was given.
        environmentUrl: result.environmentUrl ?? undefined,
        lockTimeoutSeconds: settings.driver.lockTimeoutSeconds,
        // The target was chosen before the lock: a deploy that went live while this rollback
        // waited would otherwise be left live in fact while the ledger names the target.
        async confirm() {
            const now = await readLive(ctx, settings.environment);
            if (now?.id !== live.id)
                throw new errors/* CheckFailedError */.CO(`${settings.environment} changed while this rollback waited for it: ${now ? `${now.payload.version} (deployment ${now.id})` : 'nothing'} is live now, not ${live.payload.version}; nothing was rolled back, run the rollback again`);
        },
        async afterSuccess(id) {
            // The version rolled back from is bad from now on: a failure verdict, then inactive.
            await ctx.ledger.addStatus(live.id, {
                state: 'failure',
                description: (0,ledger_ledger/* clampDescription */.gs)(`rollback: rolled back to ${target.payload.version}: ${reason}`),
                logUrl: ctx.run.runUrl
            });
            await ctx.ledger.addStatus(live.id, (0,ledger_ledger/* shiprailInactive */.kW)(`rolled back by deployment ${id}`));
            await supersedeEarlier(ctx.ledger, settings.environment, id, ctx.logger);
        }
    });
    result.deploymentId = applied.deploymentId;
    result.release = applied.release;
    result.hosts = applied.hosts;
    result.outcome = applied.outcome;
    result.driverMs = applied.driverMs;
    if (applied.error !== undefined)
        result.error = applied.error;
    result.durationMs = ctx.clock.now().getTime() - startedAt.getTime();
    const icon = result.outcome === 'success' ? ':rewind:' : ':x:';
    await notify(ctx, settings.notifyUrl, `${icon} Shiprail ${result.outcome === 'success' ? 'rolled back' : 'failed to roll back'} ${settings.environment} from ${result.fromVersion} to ${result.version}: ${result.error ?? reason}`);
    return result;
}
async function readLive(ctx, environment) {
    for await (const record of ctx.ledger.history(environment))
        if ((0,deployment_state/* isLive */.DG)(record))
            return record;
    return undefined;
}
/** The recorded reason when none was given: never "automatic" for a rollback a person started. */
function defaultReason(automatic, run) {
    if (automatic)
        return `automatic rollback by ${run.runUrl}`;
    if (run.manual)
        return `manual rollback${run.actor ? ` by ${run.actor}` : ''}; no reason given`;
    return `rollback by ${run.runUrl ?? 'a CI job'}; no reason given`;
}

;// CONCATENATED MODULE: ./build/ncc/core/wording.js
/**
 * How numbers read in logs, summaries and ledger descriptions. One place, so a duration or a
 * count reads the same in the engine's log, the job summary and the terminal.
 */
/** "1 round", "3 rounds". */
function wording_plural(n, word) {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}
/** "412 ms", "7.2 s", "30 s", "2 min 5 s". */
function spokenDuration(ms) {
    if (ms < 1000)
        return `${Math.round(ms)} ms`;
    if (ms < 10_000)
        return `${(ms / 1000).toFixed(1)} s`;
    if (ms < 120_000)
        return `${Math.round(ms / 1000)} s`;
    return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}
/** A rate from 0 to 1 as "97.5%"; "—" when there is none. */
function percent(rate) {
    if (rate === null)
        return '—';
    const p = rate * 100;
    return `${Number.isInteger(p) ? p : Number(p.toFixed(1))}%`;
}
/** A latency as "41 ms"; "—" when there is none. */
function roundedMs(value) {
    return value === null ? '—' : `${Math.round(value)} ms`;
}

;// CONCATENATED MODULE: ./build/ncc/core/checks/assertions.js




function assertions_show(value, max = 60) {
    const text = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
    return text.length > max ? `${text.slice(0, max - 3)}...` : text;
}
function assertions_isMap(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function assertions_scalarText(value) {
    return ['string', 'number', 'boolean'].includes(typeof value) ? String(value) : undefined;
}
/** The value at a path of keys and indexes, or `missing`. */
function jsonAt(root, segments) {
    let current = root;
    for (const segment of segments) {
        if (Array.isArray(current) && /^\d+$/.test(segment) && Number(segment) < current.length) {
            current = current[Number(segment)];
        }
        else if (assertions_isMap(current) && Object.hasOwn(current, segment)) {
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
    if (assertions_isMap(expected)) {
        const texts = assertions_isMap(expectedText) ? expectedText : {};
        return (assertions_isMap(actual) &&
            Object.entries(expected).every(([k, e]) => Object.hasOwn(actual, k) && jsonMatches(actual[k], e, texts[k])));
    }
    if (expected === null || expected === undefined)
        return actual === null;
    if (actual === expected)
        return true;
    const text = assertions_scalarText(actual);
    // What the user wrote decides: `version: 1.10` must not pass for "1.1".
    return (text !== undefined &&
        text === (typeof expectedText === 'string' ? expectedText : assertions_scalarText(expected)));
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
        if (/version|revision|commit|build|sha/i.test(name) && !isCredentialHeader(name)) {
            return `${name}: ${value.slice(0, 60)}`;
        }
    }
    if (assertions_isMap(json)) {
        for (const key of ['version', 'revision', 'commit', 'sha', 'build']) {
            const text = assertions_scalarText(json[key]);
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
    const cut = truncated ? ` (only the first ${MAX_BODY_BYTES / 1024 / 1024} MiB was read)` : '';
    if (!statusMatches(check.expectStatus, status)) {
        const location = status >= 300 && status < 400 && headers.location
            ? ` (redirect to ${maskUrl(headers.location)})`
            : '';
        reasons.push(`expected status ${check.expectStatus.text}, got ${status}${location}`);
    }
    for (const text of check.expectBodyContains) {
        if (!body.includes(text))
            reasons.push(`body does not contain ${assertions_show(text)}${cut}`);
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
            reasons.push(`body is not JSON (starts with ${assertions_show(body.slice(0, 40), 50)}), so expect-json cannot hold`);
        }
        else {
            for (const e of check.expectJson) {
                const at = jsonAt(json, e.segments);
                if (!at.found)
                    reasons.push(`json ${e.path}: missing`);
                else if (!jsonMatches(at.value, e.expected, e.expectedText)) {
                    reasons.push(`json ${e.path}: expected ${showExpected(e)}, got ${assertions_show(at.value)}`);
                }
            }
        }
    }
    for (const e of check.expectHeader) {
        const value = headers[e.name];
        const shown = isCredentialHeader(e.name) ? '"***"' : assertions_show(value ?? '');
        if (value === undefined)
            reasons.push(`header ${e.name} missing`);
        else if (e.regex && !e.regex.test(value))
            reasons.push(`header ${e.name}: ${shown} does not match ${String(e.regex)}`);
        else if (!e.regex && !value.includes(e.contains)) {
            const wanted = isCredentialHeader(e.name) ? '"***"' : assertions_show(e.contains);
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
    const result = await httpProbe({
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
    const over = () => `after ${wording_plural(attempts, 'attempt')} over ${spokenDuration(now() - started)}`;
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
                    ? `passed ${required} times in a row (${wording_plural(attempts, 'attempt')} over ${spokenDuration(now() - started)})`
                    : attempts === 1
                        ? 'passed on the first attempt'
                        : `passed on attempt ${attempts} after ${spokenDuration(now() - started)}`;
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
        const delay = backoffDelay(last.evaluation.ok ? 0 : failures - 1, options.retryIntervalMs, maxWait, options.random);
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

;// CONCATENATED MODULE: ./build/ncc/core/steps/smoke-test.js






/** Plain-word line for one attempt, for the debug log. */
function describeAttempt(e) {
    const got = e.result.type === 'response' ? `${e.result.status}` : e.result.message;
    const verdict = e.evaluation.ok ? 'ok' : e.evaluation.reasons.join('; ');
    const next = e.nextWaitMs === undefined ? '' : `; next attempt in ${spokenDuration(e.nextWaitMs)}`;
    return `${e.check.name}: attempt ${e.attempt}: ${got} in ${Math.round(e.result.latencyMs)} ms: ${verdict}${next}`;
}
function planLines(settings) {
    const lines = [
        `${settings.checks.length} check(s), ${settings.concurrency} at once; deadline ${spokenDuration(settings.timeoutMs)}, ` +
            `request timeout ${spokenDuration(settings.requestTimeoutMs)}, first retry after ${spokenDuration(settings.retryIntervalMs)}, ` +
            `${settings.consecutiveSuccesses} pass(es) in a row needed`
    ];
    for (const check of settings.checks) {
        lines.push(`${check.name}: ${check.method} ${check.shownUrl}${check.followRedirects ? '' : ' (redirects not followed)'}`);
        lines.push(`  expects ${describeExpectations(check).join(', ')}`);
        if (Object.keys(check.headers).length)
            lines.push(`  headers ${shownHeaders(check.headers).join(', ')}`);
        if (check.body !== undefined)
            lines.push(`  body of ${Buffer.byteLength(check.body)} bytes`);
    }
    return lines;
}
function reportOf(outcome, redact) {
    return {
        name: redact(outcome.check.name),
        method: outcome.check.method,
        url: redact(outcome.check.shownUrl),
        passed: outcome.passed,
        attempts: outcome.attempts,
        status: outcome.status ?? null,
        latencyMs: outcome.latencyMs === undefined ? null : Math.round(outcome.latencyMs),
        durationMs: Math.round(outcome.durationMs),
        reason: redact(outcome.reason)
    };
}
function dryRunReport(check, redact) {
    return {
        name: redact(check.name),
        method: check.method,
        url: redact(check.shownUrl),
        passed: true,
        attempts: 0,
        status: null,
        latencyMs: null,
        durationMs: 0,
        reason: 'dry run: not sent'
    };
}
function verdictDetail(checks) {
    const failed = checks.filter(c => !c.passed);
    if (failed.length === 0)
        return `${checks.length}/${checks.length} checks passed`;
    return `${failed.length} of ${checks.length} checks failed; ${failed[0].name}: ${failed[0].reason}`;
}
/** The start of the last body, to see what answered instead (debug log). */
function lastBody(outcome) {
    const result = outcome.last?.result;
    if (result?.type !== 'response' || result.body === '')
        return undefined;
    const oneLine = result.body.replace(/\s+/g, ' ').trim();
    return oneLine.length > 200 ? `${oneLine.slice(0, 200)}…` : oneLine;
}
/**
 * The smoke-test step: runs every check until ready or the deadline, records the verdict on the
 * live deployment when `environment` is set, and returns the result. A failed check is a result
 * with passed: false, not an exception; the edge (action or CLI) fails the step.
 */
async function smokeTest(settings, ctx) {
    // Before anything is logged: credential headers, URL passwords and tokens.
    maskCheckSecrets(settings.checks, ctx.secrets);
    const redact = (text) => ctx.secrets.redact(text);
    const started = ctx.clock.now().getTime();
    const environment = settings.environment || undefined;
    if (settings.dryRun) {
        await ctx.logger.group('Smoke test plan (dry run: nothing is sent)', async () => {
            for (const line of planLines(settings))
                ctx.logger.info(redact(line));
        });
        return {
            step: 'smoke-test',
            passed: true,
            dryRun: true,
            environment,
            durationMs: 0,
            checks: settings.checks.map(c => dryRunReport(c, redact))
        };
    }
    const announced = new Set();
    const outcomes = await ctx.logger.group(`Smoke test: ${settings.checks.length} check(s)`, async () => {
        for (const line of planLines(settings))
            ctx.logger.debug(redact(line));
        const outcomes = await runChecks(settings.checks, {
            timeoutMs: settings.timeoutMs,
            requestTimeoutMs: settings.requestTimeoutMs,
            retryIntervalMs: settings.retryIntervalMs,
            consecutiveSuccesses: settings.consecutiveSuccesses,
            concurrency: settings.concurrency,
            clock: ctx.clock,
            signal: ctx.signal,
            onAttempt: event => {
                ctx.logger.debug(redact(describeAttempt(event)));
                // Say once per check that it is being waited for, so a long readiness wait is not silent.
                if (!event.evaluation.ok &&
                    event.nextWaitMs !== undefined &&
                    !announced.has(event.check)) {
                    announced.add(event.check);
                    ctx.logger.info(redact(`${event.check.name}: not ready yet (${event.evaluation.reasons.join('; ')}); retrying until the deadline`));
                }
            }
        });
        for (const o of outcomes) {
            const status = o.status === undefined ? '' : `${o.status} in ${Math.round(o.latencyMs ?? 0)} ms, `;
            if (o.passed)
                ctx.logger.info(redact(`✅ ${o.check.name}: ${status}${o.reason}`));
            else
                ctx.logger.error(redact(`❌ ${o.check.name}: ${o.reason}`));
            const body = o.passed ? undefined : lastBody(o);
            if (body)
                ctx.logger.info(redact(`   last body: ${body}`));
        }
        return outcomes;
    });
    const durationMs = ctx.clock.now().getTime() - started;
    if (ctx.signal.aborted || outcomes.some(o => o.cancelled)) {
        throw new errors/* CheckFailedError */.CO(`The smoke test was cancelled after ${spokenDuration(durationMs)}; no verdict was recorded.`);
    }
    const checks = outcomes.map(o => reportOf(o, redact));
    const passed = checks.every(c => c.passed);
    const result = {
        step: 'smoke-test',
        passed,
        dryRun: false,
        environment,
        durationMs,
        checks
    };
    if (environment) {
        try {
            const written = await recordVerdict(ctx, environment, 'smoke-test', passed, verdictDetail(checks), settings.recordVerdict);
            if (written.notRecorded)
                result.verdictNotRecorded = written.notRecorded;
            const live = written.deployment;
            if (live) {
                result.verdictDeploymentId = live.id;
                ctx.logger.info(`Recorded the verdict (${passed ? 'passed' : 'failed'}) on deployment ${live.id} of ${environment}.`);
            }
        }
        catch (err) {
            // The checks' verdict stands on its own; a ledger outage must not turn it around.
            ctx.logger.warning(redact(`Could not record the smoke-test verdict in the ledger: ${(0,errors/* errorMessage */.gJ)(err)}`));
        }
    }
    return result;
}

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
                ? `; ${wording_plural(matcher.count, 'error line')} in the ${wording_plural(matcher.lines, 'line')} it printed`
                : '';
            return report(false, `log-command ${(0,process_runner/* describeExit */.K)(result, timeoutMs)}${said}${partial}`, result.exitCode);
        }
        const within = matcher.count <= options.maxErrors;
        const found = `${wording_plural(matcher.count, 'error line')} in ${wording_plural(matcher.lines, 'line')}`;
        return report(within, within
            ? `${found}, at most ${options.maxErrors} allowed`
            : `${found}, over the ${options.maxErrors} allowed`, 0);
    }
    finally {
        await (0,promises_.rm)(dir, { recursive: true, force: true });
    }
}

;// CONCATENATED MODULE: ./build/ncc/core/checks/prometheus-query.js


function prometheus_query_isMap(value) {
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
    if (!prometheus_query_isMap(metric))
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
    if (!prometheus_query_isMap(json) || (json.status !== 'success' && json.status !== 'error')) {
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
    if (!prometheus_query_isMap(data) || typeof data.resultType !== 'string') {
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
                    .map(s => showLabels(prometheus_query_isMap(s) ? s.metric : undefined))
                    .join(', ');
                return {
                    type: 'no-data',
                    kind: 'not a single value',
                    detail: `the query returned ${result.length} series (${shown}${result.length > 2 ? ', ...' : ''}); aggregate them, e.g. with sum(...)`
                };
            }
            const only = result[0];
            const value = prometheus_query_isMap(only) ? sampleValue(only.value) : undefined;
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
    const url = new URL(joinUrl(baseUrl, '/api/v1/query'));
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
    const result = await httpProbe({
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
                `the success rate is at most ${percent(bestSuccessRate(failed, planned))}, under min ${percent(minSuccessRate)}`);
        }
    }
    else if (successRatePassed && rate !== null && !meetsSuccessRate(rate, minSuccessRate)) {
        successRatePassed = false;
        decided = true;
        failures.push(`success rate ${percent(rate)} (${passes}/${total}) is under min ${percent(minSuccessRate)}`);
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
                failures.push(`${slow} of ${latencies.length} probes took over ${maxP95LatencyMs} ms (p95 so far ${roundedMs(stats.p95)}); ` +
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
            failures.push(`p95 latency ${roundedMs(stats.p95)} is over max ${maxP95LatencyMs} ms`);
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
        : `${passes}/${total} passed (${percent(rate)}), p95 ${roundedMs(stats.p95)}`;
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
            ? ` (${showNumber(report.lowest)} to ${showNumber(report.highest)} over ${wording_plural(numbers.length, 'round')})`
            : '';
        parts.push(`last ${showNumber(report.last)}${range}, within ${describeBounds(state.spec)}`);
    }
    if (noData.length) {
        const last = noData[noData.length - 1];
        parts.push(`${last.noData} in ${noData.length} of ${wording_plural(state.values.length, 'round')} (${last.detail}); on-no-data: pass`);
    }
    if (errors.length)
        parts.push(`${wording_plural(errors.length, 'query error')} ignored`);
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
    const url = (0,ledger_ledger/* environmentUrlOf */.k0)(record);
    if (url)
        live.environmentUrl = url;
    return live;
}
function status_check_planLines(settings, rounds) {
    const lines = [
        `window ${spokenDuration(settings.durationMs)}: ${rounds} rounds, one every ${spokenDuration(settings.intervalMs)}; ` +
            `request timeout ${spokenDuration(settings.requestTimeoutMs)}, ${settings.concurrency} at once`
    ];
    if (settings.checks.length) {
        const p95 = settings.maxP95LatencyMs === undefined
            ? ''
            : `, p95 latency at most ${settings.maxP95LatencyMs} ms`;
        lines.push(`probes: each check must pass at least ${percent(settings.minSuccessRate)} of its probes, with at most ${wording_plural(settings.maxConsecutiveFailures, 'failure')} in a row${p95}`);
    }
    for (const check of settings.checks) {
        lines.push(`  ${check.name}: ${check.method} ${check.shownUrl}`);
        lines.push(`    expects ${describeExpectations(check).join(', ')}`);
    }
    if (settings.prometheusQueries.length) {
        lines.push(`metrics from ${maskUrl(settings.prometheusUrl)} (no data: ${settings.onNoData}):`);
        for (const q of settings.prometheusQueries)
            lines.push(`  ${q.name}: ${q.query} must be ${describeBounds(q)}`);
    }
    if (settings.logCommand) {
        lines.push(`logs: log-command at the end of the window; lines matching ${String(settings.logErrorPattern)}, at most ${settings.maxLogErrors} allowed`);
    }
    return lines;
}
function status_check_verdictDetail(result) {
    if (!result.healthy) {
        const more = result.reasons.length > 1 ? ` (+${result.reasons.length - 1} more)` : '';
        return `${result.reasons[0] ?? 'unhealthy'}${more}`;
    }
    const parts = [`healthy for ${spokenDuration(result.durationMs)}`];
    if (result.overall.probes)
        parts.push(`${percent(result.overall.successRate)} of ${result.overall.probes} probes, p95 ${roundedMs(result.overall.p95Ms)}`);
    if (result.metrics.length)
        parts.push(`${wording_plural(result.metrics.length, 'metric')} in bounds`);
    if (result.logs)
        parts.push(wording_plural(result.logs.errorCount, 'error line'));
    return parts.join(', ');
}
/**
 * The status-check step: watches an environment for the window and returns the verdict. An
 * unhealthy environment is a result with healthy: false, not an exception; the edge fails
 * the step. Cancellation throws CheckFailedError and records nothing.
 */
async function statusCheck(settings, ctx) {
    // Before anything is logged: credential headers, URL passwords and tokens.
    maskCheckSecrets(settings.checks, ctx.secrets);
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
            for (const line of status_check_planLines(settings, plannedRounds))
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
            live = liveOf(await findLive(ctx, environment));
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
    const cancelled = () => new errors/* CheckFailedError */.CO(`The status check was cancelled after ${spokenDuration(now() - started)}; no verdict was recorded.`);
    await ctx.logger.group(redact(`Status check of ${environment}: ${spokenDuration(settings.durationMs)}, every ${spokenDuration(settings.intervalMs)}`), async () => {
        for (const line of status_check_planLines(settings, plannedRounds))
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
                mapPool(settings.checks, settings.concurrency, (check) => probeOnce(check, { requestTimeoutMs: settings.requestTimeoutMs, signal: ctx.signal })),
                mapPool(metrics, settings.concurrency, m => queryPrometheus(settings.prometheusUrl, m.spec.query, {
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
                ctx.logger.info(redact(`Ending the window early after ${wording_plural(rounds, 'round')} of ${plannedRounds}: ${decided.join(', ')} can no longer meet the thresholds.`));
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
        const written = await recordVerdict(ctx, environment, 'status-check', result.healthy, redact(status_check_verdictDetail(result)), settings.recordVerdict);
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

;// CONCATENATED MODULE: ./build/ncc/report/deploy-report.js




function deploySummary(result, runUrl) {
    const verdict = result.outcome === 'planned'
        ? `📝 Dry run: would deploy **${result.version}** to **${result.environment}**`
        : result.outcome === 'success'
            ? `✅ Deployed **${result.version}** to **${result.environment}**`
            : `❌ Deploy of **${result.version}** to **${result.environment}** failed: ${result.error ?? 'unknown error'}`;
    const facts = [
        ['Environment', result.environment + (result.productionEnvironment ? ' (production)' : '')],
        ['Version', result.version],
        ['Previous version', result.previousVersion ?? '—'],
        ['Commit', result.ref ? `\`${result.ref}\`` : '—'],
        ['Driver', result.driver],
        ['Ledger', result.ledger + (result.deploymentId ? ` (deployment ${result.deploymentId})` : '')],
        ['Duration', spokenDuration(result.durationMs)]
    ];
    if (result.outcome === 'failure')
        facts.push(['Live now', liveAfterFailure(result)]);
    if (result.release)
        facts.push(['Release', result.release]);
    if (result.environmentUrl && result.outcome !== 'failure')
        facts.push(['URL', result.environmentUrl]);
    const failed = result.failedPhase;
    const tables = [
        {
            caption: 'Phases',
            header: failed ? ['phase', 'duration', 'result'] : ['phase', 'duration'],
            rows: result.phases.map(p => [
                p.name,
                spokenDuration(p.ms),
                ...(failed ? [p.name === failed ? '❌ failed here' : '✅'] : [])
            ])
        }
    ];
    if (result.lastLines?.length) {
        tables.push({
            caption: `Last ${result.lastLines.length} line(s) of the script's output (secrets masked)`,
            header: ['output'],
            rows: result.lastLines.map(line => [line === '' ? ' ' : `\`${line.replace(/`/g, "'")}\``]),
            logged: true
        });
    }
    if (result.hosts.length) {
        const phaseNames = [...new Set(result.hosts.flatMap(h => Object.keys(h.phases)))];
        // How the releases driver found unchanged files; a fallback says why it read every file.
        const found = result.hosts.some(h => h.unchangedBy);
        // The containers driver sends no files; what a host runs is its image ID.
        const images = result.hosts.some(h => h.image !== undefined);
        tables.push({
            caption: 'Hosts',
            header: [
                'host',
                'release',
                ...(images ? ['image'] : ['bytes sent', 'files linked']),
                ...(found ? ['unchanged files found by'] : []),
                ...phaseNames
            ],
            rows: result.hosts.map(h => [
                h.host,
                h.release ?? '—',
                ...(images
                    ? [h.image?.slice(0, 19) ?? '—']
                    : [
                        h.bytesSent === undefined ? '—' : (0,host_checks/* formatBytes */.z3)(h.bytesSent),
                        h.filesLinked === undefined ? '—' : String(h.filesLinked)
                    ]),
                ...(found
                    ? [
                        h.unchangedBy === 'checksum'
                            ? `comparing every file (${h.fallback ?? 'no manifest'})`
                            : (h.unchangedBy ?? '—')
                    ]
                    : []),
                ...phaseNames.map(p => (h.phases[p] === undefined ? '—' : spokenDuration(h.phases[p])))
            ])
        });
    }
    if (result.plan)
        tables.push(planTable(result.plan));
    if (result.preflight)
        tables.push(doctorTable(result.preflight, 'Hosts (read-only check)'));
    const links = [];
    // After a failure the URL serves whatever was live before, not this version.
    if (result.environmentUrl && result.outcome === 'success')
        links.push(['Open environment', result.environmentUrl]);
    if (runUrl)
        links.push(['Run log', runUrl]);
    return { title: 'Shiprail deploy', verdict, facts, tables, links };
}
/** What the environment runs after a failed deploy, as far as Shiprail knows. */
function liveAfterFailure(result) {
    const before = result.previousVersion ?? 'nothing';
    if (result.failedPhase === 'doctor')
        return `${before} (a dry run changes nothing)`;
    if (/No host was switched/.test(result.error ?? ''))
        return `${before} on every host (no host was switched)`;
    return result.driver === 'command'
        ? `${before} per the ledger (the failed script may have changed part of the system before it stopped)`
        : `${before} per the ledger (the error above says which hosts were switched)`;
}
function deployOutputs(result) {
    return {
        'deployment-id': result.deploymentId,
        version: result.version,
        'previous-version': result.previousVersion ?? '',
        'environment-url': result.environmentUrl ?? '',
        release: result.release ?? '',
        result: JSON.stringify(result)
    };
}
/** One line saying why the step failed, or undefined when it did not. */
function deployFailure(result) {
    return result.outcome === 'failure'
        ? `Deploy of ${result.version} to ${result.environment} failed: ${result.error}`
        : undefined;
}

;// CONCATENATED MODULE: ./build/ncc/report/rollback-report.js


function rollbackSummary(result, runUrl) {
    const verdict = result.outcome === 'planned'
        ? `📝 Dry run: would roll **${result.environment}** back from **${result.fromVersion}** to **${result.version}**`
        : result.outcome === 'success'
            ? `⏪ Rolled **${result.environment}** back from **${result.fromVersion}** to **${result.version}**`
            : `❌ Rollback of **${result.environment}** to **${result.version}** failed: ${result.error ?? 'unknown error'}`;
    const facts = [
        ['Environment', result.environment],
        ['Was live', `${result.fromVersion} (deployment ${result.fromDeploymentId || '—'})`],
        ['Live now', result.outcome === 'success' ? result.version : result.fromVersion],
        [
            'Target',
            `${result.version} (${result.targetVerified ? 'verified' : 'unverified: deployed, no check recorded'})`
        ],
        ['Why', result.reason],
        ['Driver phase took', spokenDuration(result.driverMs)],
        ['Driver', result.driver],
        ['Ledger', result.ledger + (result.deploymentId ? ` (deployment ${result.deploymentId})` : '')]
    ];
    if (result.release)
        facts.push(['Release', result.release]);
    const tables = [
        {
            caption: 'Phases',
            header: ['phase', 'duration'],
            rows: result.phases.map(p => [p.name, spokenDuration(p.ms)])
        }
    ];
    if (result.hosts.length) {
        tables.push({
            caption: 'Hosts',
            header: ['host', 'release', 'switch'],
            rows: result.hosts.map(h => [
                h.host,
                h.release ?? '—',
                h.phases.switch === undefined ? '—' : spokenDuration(h.phases.switch)
            ])
        });
    }
    if (result.plan)
        tables.push(planTable(result.plan));
    const links = [];
    if (result.environmentUrl)
        links.push(['Open environment', result.environmentUrl]);
    if (runUrl)
        links.push(['Run log', runUrl]);
    return { title: 'Shiprail rollback', verdict, facts, tables, links };
}
function rollbackOutputs(result) {
    return {
        version: result.outcome === 'failure' ? result.fromVersion : result.version,
        'from-version': result.fromVersion,
        'deployment-id': result.deploymentId,
        result: JSON.stringify(result)
    };
}
/** One line saying why the step failed, or undefined when it did not. */
function rollbackFailure(result) {
    return result.outcome === 'failure'
        ? `Rollback of ${result.environment} to ${result.version} failed: ${result.error}`
        : undefined;
}

;// CONCATENATED MODULE: ./build/ncc/report/smoke-test-report.js

/** The job summary: the verdict and one row per check. */
function smokeTestSummary(result) {
    const total = result.checks.length;
    const failed = result.checks.filter(c => !c.passed).length;
    const verdict = result.dryRun
        ? `📝 dry run: ${total} check(s) planned, nothing sent`
        : result.passed
            ? `✅ ${total} of ${total} check(s) passed`
            : `❌ ${failed} of ${total} check(s) failed`;
    const facts = [];
    if (result.environment)
        facts.push(['Environment', result.environment]);
    facts.push(['Duration', spokenDuration(result.durationMs)]);
    if (result.verdictDeploymentId)
        facts.push(['Verdict recorded on', `deployment ${result.verdictDeploymentId}`]);
    if (result.verdictNotRecorded)
        facts.push(['Verdict not recorded', result.verdictNotRecorded]);
    return {
        title: 'Shiprail smoke test',
        verdict,
        facts,
        tables: [
            {
                header: ['Check', 'Result', 'Attempts', 'Status', 'Latency', 'Reason'],
                rows: result.checks.map(c => [
                    `${c.name}`,
                    result.dryRun ? '—' : c.passed ? '✅' : '❌',
                    String(c.attempts),
                    c.status === null ? '—' : String(c.status),
                    c.latencyMs === null ? '—' : `${c.latencyMs} ms`,
                    c.reason
                ])
            }
        ]
    };
}
/** The step's outputs: `passed`, `report` (JSON per check) and `result` (the whole result). */
function smokeTestOutputs(result) {
    return {
        passed: String(result.passed),
        report: JSON.stringify(result.checks),
        result: JSON.stringify(result)
    };
}
/** One line saying why the step failed, or undefined when every check passed. */
function smokeTestFailure(result) {
    if (result.passed)
        return undefined;
    const failed = result.checks.filter(c => !c.passed);
    return `Smoke test failed: ${failed.length} of ${result.checks.length} checks failed (${failed.map(c => `${c.name}: ${c.reason}`).join('; ')}).`;
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
    const silent = buckets.filter(b => b.value === null).map(b => status_check_report_seconds(b.atMs));
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
        `    x-axis "seconds since start" [${plotted.map(b => `"${status_check_report_seconds(b.atMs)}"`).join(', ')}]`,
        `    y-axis "latency (ms)" 0 --> ${top}`,
        `    line [${plotted.map(b => Math.round(b.value)).join(', ')}]`
    ];
    if (limit !== undefined)
        lines.push(`    line [${plotted.map(() => limit).join(', ')}]`);
    lines.push('```');
    if (silent.length) {
        lines.push('', `No reply at all in ${wording_plural(silent.length, 'round')} (at ${silent.map(s => `${s} s`).join(', ')}): left off the chart, not drawn as 0 ms.`);
    }
    return lines.join('\n');
}
function status_check_report_seconds(ms) {
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
    const window = spokenDuration(result.plannedDurationMs);
    let verdict;
    if (result.dryRun) {
        verdict = `📝 dry run: would watch ${result.environment} for ${window} (${result.plannedRounds} rounds); nothing sent`;
    }
    else if (result.healthy) {
        const tolerated = result.probes.reduce((n, p) => n + p.total - p.passes, 0);
        const note = tolerated
            ? `; ${wording_plural(tolerated, 'probe')} failed, within the thresholds (see Detail)`
            : '';
        verdict = `✅ **healthy**: ${result.environment} held every threshold for ${spokenDuration(result.durationMs)} (${wording_plural(result.rounds, 'round')})${note}`;
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
        `${result.rounds} of ${result.plannedRounds} rounds, every ${spokenDuration(result.intervalMs)}` +
            (result.endedEarly ? ' (ended early)' : '')
    ]);
    facts.push(['Duration', spokenDuration(result.durationMs)]);
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
            p.total ? `${percent(p.successRate)} (${p.passes}/${p.total})` : '—',
            `≥ ${percent(p.minSuccessRate)}, ≤ ${p.maxConsecutiveFailures} failed in a row`,
            mark(p.total ? p.successRatePassed : null, result.dryRun),
            p.successRatePassed ? toleratedFailures(p) : p.reason
        ]);
        rows.push([
            `probe ${p.name}`,
            'latency p95',
            p.p95 === null
                ? '—'
                : `${roundedMs(p.p95)} (p50 ${roundedMs(p.p50)}, max ${roundedMs(p.max)})`,
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
            o.probes ? `${percent(o.successRate)} (${o.probes - o.failed}/${o.probes})` : '—',
            '— (judged per probe)',
            '—',
            ''
        ]);
        rows.push([
            'all probes',
            'latency p95',
            o.p95Ms === null
                ? '—'
                : `${roundedMs(o.p95Ms)} (p50 ${roundedMs(o.p50Ms)}, max ${roundedMs(o.maxMs)})`,
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
        ? ` after ${spokenDuration(result.durationMs)} of ${spokenDuration(result.plannedDurationMs)} (ended early)`
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

;// CONCATENATED MODULE: ./build/ncc/report/history-report.js
/** Seconds as the largest two units people read at a glance: "2 d 3 h", "14 min 5 s". */
function formatSeconds(seconds) {
    const s = Math.round(seconds);
    const units = [
        ['d', 86_400],
        ['h', 3_600],
        ['min', 60],
        ['s', 1]
    ];
    const parts = [];
    let rest = s;
    for (const [name, size] of units) {
        const n = Math.floor(rest / size);
        rest -= n * size;
        if (n && parts.length < 2)
            parts.push(`${n} ${name}`);
        else if (parts.length)
            break;
    }
    return parts.join(' ') || '0 s';
}
function formatFigure(figure) {
    if (figure.value === null)
        return 'unknown';
    if (figure.unit === 'seconds')
        return formatSeconds(figure.value);
    if (figure.unit === 'share')
        return `${(figure.value * 100).toFixed(1)} %`;
    return `${figure.value.toFixed(2)} per day`;
}
function shortTime(iso) {
    return iso.slice(0, 16).replace('T', ' ');
}
function historySummary(result) {
    const target = result.rollback;
    const facts = [
        ['Environment', result.environment],
        [
            'Live',
            result.live ? `${result.live.version} (deployment ${result.live.deploymentId})` : 'nothing'
        ],
        [
            'Rollback would pick',
            target.version === null
                ? `nothing: ${target.reason}`
                : `${target.version} (deployment ${target.deploymentId}${target.verified ? ', verified' : ', no check recorded'})`
        ],
        ['Ledger', result.ledger],
        ['Window', result.since ? `since ${result.since} (${result.windowStart})` : 'all history']
    ];
    const tables = [
        {
            caption: 'Deployments, newest first (⏪ = what a rollback would pick now)',
            header: ['id', 'version', 'state', '', 'commit', 'created', 'by', 'verdicts'],
            rows: result.deployments.map(d => [
                d.id,
                d.version,
                d.state,
                d.rollbackTarget ? '⏪' : '',
                d.ref.slice(0, 7) || '—',
                shortTime(d.createdAt),
                [d.operation === 'rollback' ? `rollback of ${d.rollbackOf}` : '', d.creator, d.runUrl]
                    .filter(Boolean)
                    .join(' ') || '—',
                d.verdicts.map(v => v.description).join('; ') || '—'
            ])
        }
    ];
    const m = result.metrics;
    if (m) {
        tables.push({
            caption: `Delivery metrics, ${m.windowStart.slice(0, 10)} to ${m.windowEnd.slice(0, 10)}`,
            header: ['metric', 'value', 'how it was computed'],
            rows: [
                [
                    'deployment frequency',
                    formatFigure(m.deploymentFrequency),
                    m.deploymentFrequency.computed
                ],
                ['lead time (commit → live)', formatFigure(m.leadTime), m.leadTime.computed],
                ['change failure rate', formatFigure(m.changeFailureRate), m.changeFailureRate.computed],
                ['time to restore', formatFigure(m.timeToRestore), m.timeToRestore.computed]
            ]
        });
    }
    return {
        title: 'Shiprail history',
        verdict: `📜 ${result.deployments.length} deployment${result.deployments.length === 1 ? '' : 's'} of **${result.environment}**`,
        facts,
        tables
    };
}
function historyOutputs(result) {
    return {
        'live-version': result.live?.version ?? '',
        'rollback-version': result.rollback.version ?? '',
        metrics: result.metrics ? JSON.stringify(result.metrics) : '',
        result: JSON.stringify(result)
    };
}

;// CONCATENATED MODULE: ./build/ncc/core/settings/history-settings.js



const UNIT_MS = { h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 };
const SINCE_FORM = 'a duration like `30d`, `12h` or `2w`, or a date like `2026-11-01`';
function parseSince(value) {
    if (value === '')
        return undefined;
    const duration = /^([1-9][0-9]{0,4})([hdw])$/.exec(value);
    if (duration) {
        return {
            text: value,
            durationMs: Number(duration[1]) * UNIT_MS[duration[2]]
        };
    }
    const date = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/.test(value)
        ? new Date(value)
        : undefined;
    if (!date || Number.isNaN(date.getTime())) {
        throw new errors/* InputError */.dz('since', `is ${showValue(value)}`, SINCE_FORM);
    }
    return { text: value, from: date };
}
/** When the window starts, given the time now. */
function windowStart(since, now) {
    return 'from' in since ? since.from : new Date(now.getTime() - since.durationMs);
}
function parseHistorySettings(raw, defaults) {
    const reader = new InputReader(raw);
    const common = parseCommon(reader, defaults, true);
    if (common.ledger === 'none') {
        throw new errors/* InputError */.dz('ledger', 'is `none`, but history needs a ledger', '`github` or `file`');
    }
    return {
        ...common,
        metrics: reader.bool('metrics'),
        since: parseSince(reader.string('since'))
    };
}

;// CONCATENATED MODULE: ./build/ncc/core/ledger/delivery-metrics.js

const DAY_MS = 86_400_000;
function median(values) {
    if (!values.length)
        return null;
    const sorted = [...values].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
function day(date) {
    return date.toISOString().slice(0, 10);
}
function delivery_metrics_plural(n, word) {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}
/** When a deployment went live: its own success status. */
function liveAt(record) {
    return Date.parse((0,deployment_state/* deploymentState */.DY)(record).outcome?.createdAt ?? record.createdAt);
}
/**
 * The four delivery figures engineering leads track (DORA's), from one environment's records.
 * Nothing is estimated: a figure whose inputs are missing is null and says why.
 */
function deliveryMetrics(input) {
    const { records, states } = input;
    // Oldest first from here on, so "later" means a higher index.
    const order = records.map((record, i) => ({ record, state: states[i] })).reverse();
    const failedStates = new Set(['bad', 'rolled-back']);
    const isFailure = (entry) => failedStates.has(entry.state) || (0,deployment_state/* deploymentState */.DY)(entry.record).bad;
    const deploys = order.filter(e => e.record.payload.operation === 'deploy' && (0,deployment_state/* deploymentState */.DY)(e.record).deployed);
    const windowDays = (input.windowEnd.getTime() - input.windowStart.getTime()) / DAY_MS;
    const span = `between ${day(input.windowStart)} and ${day(input.windowEnd)} (${windowDays.toFixed(1)} days)`;
    // A rate over less than a day says more about when the first deploy happened than about
    // how often the team deploys.
    const deploymentFrequency = windowDays >= 1
        ? {
            value: deploys.length / windowDays,
            unit: 'deploys per day',
            computed: `${delivery_metrics_plural(deploys.length, 'successful deploy')} ${span}, divided by the days; rollbacks and failed deploys are not counted`
        }
        : {
            value: null,
            unit: 'deploys per day',
            computed: `unknown: the window is shorter than a day (${span}); the history starts too recently`
        };
    const leads = [];
    for (const { record } of deploys) {
        const committed = input.commitTimes.get(record.ref);
        const lead = committed ? liveAt(record) - committed.getTime() : NaN;
        if (lead >= 0)
            leads.push(lead / 1000);
    }
    const unknown = deploys.length - leads.length;
    const leadMedian = median(leads);
    const leadTime = {
        value: leadMedian,
        unit: 'seconds',
        samples: leads.length,
        unknown,
        computed: leadMedian === null
            ? `unknown: ${deploys.length ? `no commit time known for the ${delivery_metrics_plural(deploys.length, 'successful deploy')} (${input.commitSource})` : 'no successful deploys in the window'}`
            : `median over ${delivery_metrics_plural(leads.length, 'deploy')} of (its success status − its commit's committer date, from ${input.commitSource})${unknown ? `; ${unknown} without a known commit time left out` : ''}`
    };
    const failed = deploys.filter(isFailure);
    const changeFailureRate = {
        value: deploys.length ? failed.length / deploys.length : null,
        unit: 'share',
        failed: failed.length,
        computed: deploys.length
            ? `${failed.length} of ${delivery_metrics_plural(deploys.length, 'successful deploy')} later marked bad by a check or rolled back`
            : 'unknown: no successful deploys in the window'
    };
    const restores = [];
    let unrestored = 0;
    for (const bad of failed) {
        const at = order.indexOf(bad);
        const good = order
            .slice(at + 1)
            .find(e => (0,deployment_state/* deploymentState */.DY)(e.record).deployed && !isFailure(e) && e.state !== 'in-progress');
        if (good)
            restores.push((liveAt(good.record) - liveAt(bad.record)) / 1000);
        else
            unrestored++;
    }
    const restoreMedian = median(restores);
    const timeToRestore = {
        value: restoreMedian,
        unit: 'seconds',
        samples: restores.length,
        unrestored,
        computed: restoreMedian === null
            ? `unknown: ${failed.length ? `none of the ${delivery_metrics_plural(failed.length, 'failed deploy')} has been followed by a good deployment yet` : 'no deploy in the window was marked bad or rolled back'}`
            : `median over ${delivery_metrics_plural(restores.length, 'failed deploy')} of (the next deployment or rollback that went live and was not marked bad − the failed deploy's success status)${unrestored ? `; ${unrestored} not restored yet left out` : ''}`
    };
    return {
        windowStart: input.windowStart.toISOString(),
        windowEnd: input.windowEnd.toISOString(),
        deploys: deploys.length,
        deploymentFrequency,
        leadTime,
        changeFailureRate,
        timeToRestore
    };
}

;// CONCATENATED MODULE: ./build/ncc/core/steps/history.js




/**
 * Replays one walk of a ledger's history to several readers, so the rollback choice and the
 * listing share the reads (each page and status list is fetched once).
 */
class SharedHistory {
    read = [];
    source;
    done = false;
    constructor(history) {
        this.source = history[Symbol.asyncIterator]();
    }
    async *records() {
        for (let i = 0;; i++) {
            if (i >= this.read.length) {
                if (this.done)
                    return;
                const next = await this.source.next();
                if (next.done) {
                    this.done = true;
                    return;
                }
                this.read.push(next.value);
            }
            yield this.read[i];
        }
    }
}
function toEntry(record, state, targetId) {
    const s = (0,deployment_state/* deploymentState */.DY)(record);
    return {
        id: record.id,
        version: record.payload.version,
        ref: record.ref,
        createdAt: record.createdAt,
        creator: record.creator ?? null,
        runUrl: record.payload.run_url ?? null,
        operation: record.payload.operation,
        rollbackOf: record.payload.rollback_of ?? null,
        outcome: s.outcome ? s.outcome.state : 'in_progress',
        outcomeAt: s.outcome?.createdAt ?? null,
        verdicts: s.verdicts.map(v => ({
            state: v.state,
            description: v.description,
            createdAt: v.createdAt
        })),
        state,
        rollbackTarget: record.id === targetId
    };
}
/**
 * The history step: an environment's deployments newest first, each with its state word, the
 * one a rollback would pick marked (chosen by rollback's own code), and on request the four
 * delivery metrics. It only reads.
 */
async function history_history(settings, ctx) {
    const now = ctx.clock.now();
    const start = settings.since ? windowStart(settings.since, now) : undefined;
    const shared = new SharedHistory(ctx.ledger.history(settings.environment));
    const { choice } = await readRollbackTarget(shared.records(), settings.environment);
    // The listing reads on until the window starts (or the history ends).
    for await (const record of shared.records()) {
        if (start && Date.parse(record.createdAt) < start.getTime())
            break;
    }
    const states = (0,deployment_state/* stateNames */.U0)(shared.read);
    const inWindow = shared.read
        .map((record, i) => ({ record, state: states[i] }))
        .filter(e => !start || Date.parse(e.record.createdAt) >= start.getTime());
    const targetId = choice.ok ? choice.target.id : undefined;
    const live = shared.read.find(deployment_state/* isLive */.DG);
    const result = {
        step: 'history',
        environment: settings.environment,
        ledger: ctx.ledger.kind,
        since: settings.since?.text ?? null,
        windowStart: start?.toISOString() ?? null,
        generatedAt: now.toISOString(),
        live: live ? { version: live.payload.version, deploymentId: live.id } : null,
        rollback: choice.ok
            ? {
                version: choice.target.payload.version,
                deploymentId: choice.target.id,
                verified: choice.verified,
                ...(choice.note ? { note: choice.note } : {})
            }
            : { version: null, reason: choice.reason },
        deployments: inWindow.map(e => toEntry(e.record, e.state, targetId))
    };
    if (settings.metrics) {
        result.metrics = await metricsFor(inWindow.map(e => e.record), inWindow.map(e => e.state), start, now, ctx);
    }
    return result;
}
async function metricsFor(records, states, start, now, ctx) {
    const commitTimes = new Map();
    const refs = new Set(records
        .filter(r => r.payload.operation === 'deploy' && (0,deployment_state/* deploymentState */.DY)(r).deployed)
        .map(r => r.ref));
    if (ctx.ledger.commitTime) {
        for (const ref of refs)
            commitTimes.set(ref, await ctx.ledger.commitTime(ref));
    }
    const oldest = records[records.length - 1];
    return deliveryMetrics({
        records,
        states,
        commitTimes,
        commitSource: ctx.ledger.commitSource ?? 'nowhere: this ledger knows no commits',
        // Without `since`, the window is the whole recorded history up to now.
        windowStart: start ?? (oldest ? new Date(oldest.createdAt) : now),
        windowEnd: now
    });
}

;// CONCATENATED MODULE: ./build/ncc/runtime/steps.js















/** Ties a step's parser to its runner so each sees its own settings type. */
function defineStep(handler) {
    return handler;
}
const STEP_HANDLERS = {
    deploy: defineStep({
        parse: (raw, defaults) => parseDeploySettings(raw, defaults),
        async run(settings, ctx) {
            const result = await deploy(settings, ctx);
            return {
                data: result,
                outputs: deployOutputs(result),
                summary: runUrl => deploySummary(result, runUrl),
                failure: deployFailure(result)
            };
        }
    }),
    'smoke-test': defineStep({
        parse: (raw, defaults, workspace) => parseSmokeTestSettings(raw, defaults, workspace),
        async run(settings, ctx) {
            const result = await smokeTest(settings, ctx);
            return {
                data: result,
                outputs: smokeTestOutputs(result),
                summary: () => smokeTestSummary(result),
                failure: smokeTestFailure(result)
            };
        }
    }),
    'status-check': defineStep({
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
    }),
    rollback: defineStep({
        parse: (raw, defaults) => parseRollbackSettings(raw, defaults),
        async run(settings, ctx) {
            const result = await rollback(settings, ctx);
            return {
                data: result,
                outputs: rollbackOutputs(result),
                summary: runUrl => rollbackSummary(result, runUrl),
                failure: rollbackFailure(result)
            };
        }
    }),
    history: defineStep({
        parse: (raw, defaults) => parseHistorySettings(raw, defaults),
        async run(settings, ctx) {
            const result = await history_history(settings, ctx);
            return {
                data: result,
                outputs: historyOutputs(result),
                summary: () => historySummary(result)
            };
        }
    })
};

;// CONCATENATED MODULE: ./build/ncc/cli/commands.js




/** Commands only the CLI has (no action.yml): they check, they do not deploy. */
const CLI_ONLY_COMMANDS = ['doctor'];
const COMMANDS = [...STEPS, ...CLI_ONLY_COMMANDS];
/** The flags a command takes. */
function flagsFor(command) {
    return command === 'doctor' ? doctorInputs() : inputsFor(command);
}
function handlerFor(command) {
    return command === 'doctor' ? DOCTOR_HANDLER : STEP_HANDLERS[command];
}

;// CONCATENATED MODULE: ./build/ncc/cli/args.js




/** A flag or step name that can be shown in an error; anything else could be a pasted secret. */
function shown(word) {
    return /^[A-Za-z0-9][A-Za-z0-9-]{0,39}$/.test(word) ? word : undefined;
}
const args_BOOL_WORDS = ['true', 'True', 'TRUE', 'false', 'False', 'FALSE'];
/**
 * `shiprail <step> --<input> value ...`: every action input is a flag of the same name
 * (`--name=value` works too). A flag that takes a value takes the next argument whatever it
 * starts with: a PEM or OpenSSH key starts with `-----`. A `true`/`false` flag alone means
 * `true`. Values not given as flags are read from SHIPRAIL_<INPUT> variables; `token` also from
 * GITHUB_TOKEN. `onSecret` gets every secret value as soon as it is read, and no usage error
 * repeats an argument that is not a plain flag or step name, so no key reaches the terminal.
 */
function parseArgs(argv, env, onSecret = () => { }) {
    for (const input of INPUTS)
        if (input.secret)
            onSecret(env[envNameFor(input.name)] ?? '');
    onSecret(env.GITHUB_TOKEN ?? '');
    const args = { inputs: {}, json: false, help: false, version: false };
    const rest = [...argv];
    if (rest[0] && !rest[0].startsWith('-')) {
        const step = rest.shift();
        if (!COMMANDS.includes(step)) {
            const name = shown(step);
            throw new errors/* UserError */.yo(`Unknown step${name ? ` ${JSON.stringify(name)}` : ' (not shown: it is not a step name)'}${didYouMean(step, COMMANDS, '')}; expected one of ${COMMANDS.join(', ')}. Try: shiprail --help`);
        }
        args.step = step;
    }
    const known = new Map(args.step ? flagsFor(args.step).map(i => [i.name, i]) : []);
    while (rest.length) {
        const arg = rest.shift();
        if (arg === '--json')
            args.json = true;
        else if (arg === '--help' || arg === '-h')
            args.help = true;
        // `version` is also the deploy input; it means the program's version only without a step.
        else if (arg === '--version' && !args.step)
            args.version = true;
        else if (arg.startsWith('--')) {
            const eq = arg.indexOf('=');
            const name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
            const flag = shown(name) ? `--${name}` : 'an argument starting with `--` (not shown)';
            if (!args.step)
                throw new errors/* UserError */.yo(`Give the step before ${flag}, e.g. shiprail deploy ...`);
            const def = known.get(name);
            if (!def) {
                throw new errors/* UserError */.yo(`Unknown flag ${flag} for ${args.step}${didYouMean(name, [...known.keys(), 'json', 'help'], '--')}; see: shiprail ${args.step} --help`);
            }
            let value;
            if (eq >= 0)
                value = arg.slice(eq + 1);
            else if (!def.boolean) {
                if (!rest.length)
                    throw new errors/* UserError */.yo(`Flag --${name} needs a value.`);
                value = rest.shift();
            }
            else if (rest.length && args_BOOL_WORDS.includes(rest[0]))
                value = rest.shift();
            else
                value = 'true';
            if (def.secret)
                onSecret(value);
            if (args.inputs[name] !== undefined)
                throw new errors/* UserError */.yo(`Flag --${name} is given twice.`);
            args.inputs[name] = value;
        }
        else {
            // A stray value may be a secret that lost its flag (`--ssh-key` misspelt): never echo it.
            throw new errors/* UserError */.yo(`Unexpected argument (not shown; it is not a flag): flags look like --version 1.2.3, and a value follows its flag.`);
        }
    }
    if (args.step) {
        for (const input of flagsFor(args.step)) {
            if (args.inputs[input.name] !== undefined)
                continue;
            const fromEnv = env[envNameFor(input.name)] ?? (input.name === 'token' ? env.GITHUB_TOKEN : undefined);
            if (fromEnv === undefined)
                continue;
            if (input.secret)
                onSecret(fromEnv);
            args.inputs[input.name] = fromEnv;
        }
    }
    return args;
}
/** ` (did you mean --environment?)` for a near miss; the words offered are ours, never the user's. */
function didYouMean(word, words, prefix) {
    const guess = suggestField(word, words);
    return guess ? ` (did you mean ${prefix}${guess}?)` : '';
}
function helpText(step) {
    if (!step) {
        return [
            'Usage: shiprail <step> --<input> value ... [--json]',
            '',
            `Steps: ${STEPS.join(', ')}`,
            'Checks: doctor (read-only: are the hosts and the URL ready for a deploy?)',
            'Every action input is a flag of the same name; `shiprail <step> --help` lists them.',
            'Inputs can also come from SHIPRAIL_<INPUT> variables (e.g. SHIPRAIL_SSH_KEY), token from GITHUB_TOKEN.',
            '',
            'Exit status: 0 passed, 1 the step failed, 2 bad input or usage.'
        ].join('\n');
    }
    const lines = [`Usage: shiprail ${step} [flags] [--json]`, ''];
    for (const input of flagsFor(step)) {
        const def = input.default !== undefined ? ` (default: ${input.default})` : '';
        const req = input.requiredFor?.includes(step)
            ? ' (required)'
            : '';
        lines.push(`  --${input.name}${req}${def}`, `      ${input.description}`);
    }
    return lines.join('\n');
}

;// CONCATENATED MODULE: ./build/ncc/cli/terminal-logger.js
/** A phase this quick printed "took 0.0 s": noise, so its time is left out. */
const QUIET_MS = 50;
/** Progress to stderr, so stdout carries only the summary (or the JSON result). */
function terminalLogger(secrets, write, verbose, paint = (_code, text) => text) {
    let depth = 0;
    const line = (prefix, m) => write(`${'  '.repeat(depth)}${prefix}${secrets.redact(m)}\n`);
    return {
        info: m => line('', m),
        warning: m => line(paint('yellow', 'warning: '), m),
        error: m => line(paint('red', 'error: '), m),
        debug: m => {
            if (verbose)
                line(paint('dim', 'debug: '), m);
        },
        async group(title, fn) {
            const start = Date.now();
            line(paint('bold', '▸ '), paint('bold', title));
            depth++;
            try {
                return await fn();
            }
            finally {
                depth--;
                const ms = Date.now() - start;
                if (ms >= QUIET_MS)
                    line('  ', paint('dim', `${title} took ${(ms / 1000).toFixed(1)} s`));
            }
        }
    };
}

;// CONCATENATED MODULE: ./build/ncc/cli/terminal-style.js
/**
 * Colour for people at a terminal, never for a file, a pipe or a CI log that cannot show it:
 * on only when the stream is a TTY, NO_COLOR is unset or empty (https://no-color.org) and TERM
 * is not `dumb`.
 */
function wantsColour(isTTY, env) {
    return isTTY === true && !env.NO_COLOR && env.TERM !== 'dumb';
}
const SGR = { bold: '1', dim: '2', red: '31', green: '32', yellow: '33' };
function painter(colour) {
    return (code, text) => (colour ? `\u001b[${SGR[code]}m${text}\u001b[0m` : text);
}
/** The summary's title in bold, its verdict green, red or plain by outcome. */
function summaryStyle(paint) {
    return {
        title: text => paint('bold', text),
        verdict: (text, tone) => tone === 'good' ? paint('green', text) : tone === 'bad' ? paint('red', text) : text
    };
}

;// CONCATENATED MODULE: ./build/ncc/cli/cli.js









const EXIT = { passed: 0, failed: 1, usage: 2 };
/** The CLI: same engine and same results as the action; returns the exit status. */
async function runCli(io) {
    const secrets = new Redactor();
    // Known before the arguments are parsed, so even a parse error answers in JSON.
    const json = io.argv.includes('--json');
    const stepWord = COMMANDS.includes(io.argv[0]) ? io.argv[0] : null;
    const paintOut = painter(wantsColour(io.stdoutIsTTY, io.env));
    const paintErr = painter(wantsColour(io.stderrIsTTY, io.env));
    const fail = (code, outcome, message) => {
        io.stderr(`${paintErr('red', 'error:')} ${message}\n`);
        if (json) {
            const body = { step: stepWord, outcome, exitCode: code, error: message };
            io.stdout(JSON.stringify(body, null, 2) + '\n');
        }
        return code;
    };
    const controller = new AbortController();
    const onSignal = () => controller.abort(new Error('cancelled'));
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    try {
        const args = parseArgs(io.argv, io.env, value => secrets.add(value));
        if (args.version) {
            io.stdout(`shiprail ${io.version}\n`);
            return EXIT.passed;
        }
        if (args.help) {
            io.stdout(helpText(args.step) + '\n');
            return EXIT.passed;
        }
        if (!args.step) {
            if (json)
                return fail(EXIT.usage, 'bad-input', 'Give a step, e.g. shiprail deploy ...');
            io.stdout(helpText() + '\n');
            return EXIT.usage;
        }
        const logger = terminalLogger(secrets, io.stderr, io.env.RUNNER_DEBUG === '1' || io.env.SHIPRAIL_DEBUG === '1', paintErr);
        const run = readRunEnvironment(io.env, io.cwd);
        const handler = handlerFor(args.step);
        const settings = handler.parse(args.inputs, run.defaults, run.workspace);
        const ctx = await createStepContext({
            settings,
            run,
            env: io.env,
            logger,
            secrets,
            signal: controller.signal,
            clock: io.clock,
            raw: args.inputs
        });
        const result = await handler.run(settings, ctx);
        if (args.json)
            io.stdout(secrets.redact(JSON.stringify(result.data, null, 2)) + '\n');
        else
            io.stdout(secrets.redact(toText(result.summary(run.runUrl), summaryStyle(paintOut))));
        if (result.failure) {
            io.stderr(`${paintErr('red', 'error:')} ${secrets.redact(result.failure)}\n`);
            return EXIT.failed;
        }
        return EXIT.passed;
    }
    catch (err) {
        const message = secrets.redact((0,errors/* errorMessage */.gJ)(err));
        if (err instanceof errors/* UserError */.yo)
            return fail(EXIT.usage, 'bad-input', message);
        if (err instanceof errors/* CheckFailedError */.CO)
            return fail(EXIT.failed, 'failure', message);
        const code = fail(EXIT.failed, 'error', `Shiprail failed unexpectedly: ${message}`);
        if (io.env.SHIPRAIL_DEBUG === '1')
            io.stderr(secrets.redact(err?.stack ?? '') + '\n');
        return code;
    }
    finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
    }
}


/***/ }),

/***/ 6599:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   bF: () => (/* binding */ passed),
/* harmony export */   gz: () => (/* binding */ failed),
/* harmony export */   mj: () => (/* binding */ hostChecks),
/* harmony export */   z3: () => (/* binding */ formatBytes)
/* harmony export */ });
/* unused harmony export MIN_FREE_BYTES */
/* harmony import */ var _drivers_release_lock_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(9124);

const passed = (name, detail) => ({
    name,
    ok: true,
    detail,
    fix: ''
});
const failed = (name, detail, fix) => ({
    name,
    ok: false,
    detail,
    fix
});
/** Without a `source` to measure, less free space than this is reported as a problem. */
const MIN_FREE_BYTES = 100 * 1024 * 1024;
function formatBytes(bytes) {
    const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
    let value = bytes;
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
        value /= 1024;
        unit++;
    }
    return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}
/** The checks that follow from what the probe saw on one host. Pure. */
function hostChecks(facts, options) {
    const containers = options.driver === 'containers';
    return [
        programsCheck(facts, options.programs),
        ...(containers && facts.programs.docker ? [dockerCheck(facts)] : []),
        pathCheck(facts),
        diskCheck(facts, options.releaseBytes),
        lockCheck(facts, options),
        containers ? liveFromHistory(facts) : liveCheck(facts)
    ];
}
function dockerCheck(facts) {
    if (facts.dockerServer)
        return passed('docker', `dockerd ${facts.dockerServer} answers`);
    const user = facts.user || 'the deploy user';
    return failed('docker', `${user} cannot reach dockerd: ${facts.dockerError ?? 'no answer'}`, /permission denied/i.test(facts.dockerError ?? '')
        ? `On the host: sudo usermod -aG docker ${user} (then log in again).`
        : 'Start the Docker engine on the host (sudo systemctl enable --now docker).');
}
/** Containers have no `current`: what is live is the newest successful line of history. */
function liveFromHistory(facts) {
    const entry = [...facts.history].reverse().find(e => e.outcome === 'success');
    if (!entry)
        return passed('live', 'nothing yet (no successful deploy in history): the first deploy');
    return passed('live', `${entry.version} (release ${entry.release}, ${entry.operation} at ${entry.time})`);
}
function programsCheck(facts, programs) {
    const missing = programs.filter(p => facts.missing.includes(p) || !(p in facts.programs));
    if (missing.length === 0)
        return passed('programs', programs.join(', '));
    const debian = missing.map(p => (p === 'docker' ? 'docker.io' : p)).join(' ');
    return failed('programs', `not found on the PATH of ${facts.user || 'the login user'}: ${missing.join(', ')}`, `Install them on the host (Debian/Ubuntu: sudo apt-get install -y ${debian}; Fedora/RHEL: sudo dnf install -y ${missing.join(' ')}).`);
}
function pathCheck(facts) {
    const user = facts.user || 'the deploy user';
    if (facts.existingNotDir) {
        return failed('path', `${facts.existing} is not a directory`, `Choose another path, or move ${facts.existing} away on the host.`);
    }
    if (facts.unwritable.length) {
        const list = facts.unwritable.map(u => `${u.path} (owner ${u.owner || 'unknown'})`).join(', ');
        const fix = facts.existing === facts.root
            ? `On the host: sudo chown -R ${user}: ${facts.root}`
            : `On the host: sudo install -d -o ${user} -g ${user} -m 755 ${facts.root}`;
        return failed('path', `${user} cannot write ${list}`, `${fix} (docs/hosts.md).`);
    }
    if (facts.existing !== facts.root) {
        return passed('path', `${facts.root} does not exist yet; ${user} can create it in ${facts.existing}`);
    }
    return passed('path', `${facts.root} is writable by ${user}`);
}
function diskCheck(facts, releaseBytes) {
    if (facts.freeKiB === undefined || !Number.isFinite(facts.freeKiB)) {
        return failed('disk', `could not read free space of ${facts.existing}`, 'Check `df -P` works on the host.');
    }
    const free = facts.freeKiB * 1024;
    const where = `on ${facts.mount || facts.existing}`;
    if (releaseBytes !== undefined) {
        if (free < releaseBytes) {
            return failed('disk', `${formatBytes(free)} free ${where}; the release needs ${formatBytes(releaseBytes)}`, `Free at least ${formatBytes(releaseBytes - free)} on the host (old releases beyond keep-releases, logs, package caches) or grow the disk.`);
        }
        return passed('disk', `${formatBytes(free)} free ${where}; the release needs ${formatBytes(releaseBytes)}`);
    }
    if (free < MIN_FREE_BYTES) {
        return failed('disk', `${formatBytes(free)} free ${where}, under ${formatBytes(MIN_FREE_BYTES)}`, 'Free space on the host (old releases, logs, package caches) or grow the disk; give --source to compare with the release size.');
    }
    return passed('disk', `${formatBytes(free)} free ${where}`);
}
function lockCheck(facts, options) {
    const file = `${facts.root}/.shiprail/lock`;
    if (facts.lockIsDir) {
        return failed('lock', `${file} is a directory`, `Remove it on the host: rmdir ${file}`);
    }
    if (facts.lock === undefined)
        return passed('lock', 'free');
    const info = (0,_drivers_release_lock_js__WEBPACK_IMPORTED_MODULE_0__/* .parseLockInfo */ .BF)(facts.lock);
    const holder = (0,_drivers_release_lock_js__WEBPACK_IMPORTED_MODULE_0__/* .describeLock */ .FD)(info, facts.lock);
    const stale = info && (0,_drivers_release_lock_js__WEBPACK_IMPORTED_MODULE_0__/* .staleReason */ .Wf)(info, options.machine, options.now, options.isAlive);
    if (stale) {
        // A deploy takes a stale lock over by itself (release-lock.ts), so it is not a problem.
        return passed('lock', `stale: held by ${holder}; ${stale}, so the next deploy takes it over`);
    }
    return failed('lock', `held by ${holder}`, `A deploy is running: wait for it, or set lock-timeout to wait. If none is running, remove ${file} on the host.`);
}
function liveCheck(facts) {
    const current = `${facts.root}/current`;
    if (facts.currentNotLink) {
        return failed('live', `${current} exists and is not a symlink`, `Move ${current} away on the host; a deploy makes it a symlink to the live release.`);
    }
    if (facts.current === undefined)
        return passed('live', 'nothing yet (no current): the first deploy');
    if (facts.currentResolved === undefined) {
        return failed('live', `${current} points to ${facts.current}, which does not exist`, 'Deploy again, or roll back to a kept release (shiprail rollback).');
    }
    const release = facts.currentResolved.split('/').pop() ?? '';
    const entry = [...facts.history]
        .reverse()
        .find(e => e.release === release && e.outcome === 'success');
    if (!entry)
        return passed('live', `${release} (not in ${facts.root}/.shiprail/history.jsonl)`);
    return passed('live', `${entry.version} (release ${release}, ${entry.operation} at ${entry.time})`);
}


/***/ }),

/***/ 1357:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   W: () => (/* binding */ sshFix),
/* harmony export */   z: () => (/* binding */ diagnoseSsh)
/* harmony export */ });
/** Classifies the message of a failed `ssh` connect. Pure. */
function diagnoseSsh(message) {
    // Our temp known_hosts file is gone when the user reads this; never point at it.
    const detail = message
        .split(' / ')
        .filter(part => !/^Offending .* key in |^Remove with:|ssh-keygen -f /.test(part))
        .join(' / ')
        .replace(/\/\S*shiprail-ssh-[^\s:]+/g, '(known-hosts)')
        .trim();
    if (/IDENTIFICATION HAS CHANGED|host key for .* has changed|Host key for .* has changed/i.test(message))
        return { kind: 'host-key-changed', detail };
    if (/Host key verification failed|No [A-Z0-9-]+ host key is known|host key is not known/i.test(message))
        return { kind: 'host-key-unknown', detail };
    if (/Permission denied|Too many authentication failures|Load key .*: (invalid format|error in libcrypto)|no such identity|Authentication failed/i.test(message))
        return { kind: 'auth-refused', detail };
    return { kind: 'unreachable', detail };
}
function portFlag(host) {
    return host.port ? `-p ${host.port} ` : '';
}
/** What to do about each kind of failure, with the host's own names in the commands. */
function sshFix(kind, host) {
    const user = host.user ?? 'the deploy user';
    switch (kind) {
        case 'unreachable':
            return `Check that ${host.host} resolves and its sshd listens on port ${host.port ?? 22} for this machine (try: ssh ${portFlag(host)}${host.user ? `${host.user}@` : ''}${host.host} true); open the firewall or fix the address in hosts.`;
        case 'host-key-unknown':
            return `Add the host's key to known-hosts: run ssh-keyscan ${portFlag(host)}${host.host}, check its fingerprint (ssh-keygen -lf on that output) against ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub run on the host, and put the line in the known-hosts input (docs/hosts.md).`;
        case 'host-key-changed':
            return `The host's key is not the one in known-hosts. If the host was rebuilt, check its new fingerprint (ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub on the host) and replace its line in known-hosts; otherwise do not deploy: something may be intercepting the connection.`;
        case 'auth-refused':
            return `Put the public half of ssh-key in ~${host.user ?? ''}/.ssh/authorized_keys on the host (owned by ${user}, mode 600) and check the user name in hosts (${host.label}).`;
    }
}


/***/ }),

/***/ 2761:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   hv: () => (/* binding */ hookVariables),
/* harmony export */   x5: () => (/* binding */ requestVariables)
/* harmony export */ });
/* unused harmony export HOOK_VARIABLES */
/**
 * Every SHIPRAIL_* variable hooks and scripts receive: docs/behaviour.md's table is generated
 * from this list, and a test checks each driver sets exactly its names.
 */
const HOOK_VARIABLES = [
    { name: 'SHIPRAIL_ENVIRONMENT', scope: 'every', description: 'the environment (`environment`)' },
    {
        name: 'SHIPRAIL_VERSION',
        scope: 'every',
        description: 'the version going live; in a rollback, the version rolled back to'
    },
    {
        name: 'SHIPRAIL_PREVIOUS_VERSION',
        scope: 'every',
        description: 'the version live before (empty on a first deploy)'
    },
    {
        name: 'SHIPRAIL_REF',
        scope: 'every',
        description: 'the full 40-hex commit SHA (empty when unknown)'
    },
    {
        name: 'SHIPRAIL_DEPLOYMENT_ID',
        scope: 'every',
        description: "the ledger's id of this deploy or rollback (empty with `ledger: none`)"
    },
    { name: 'SHIPRAIL_OPERATION', scope: 'every', description: '`deploy` or `rollback`' },
    { name: 'SHIPRAIL_PATH', scope: 'releases', description: 'the deploy root on the host (`path`)' },
    {
        name: 'SHIPRAIL_RELEASE',
        scope: 'releases',
        description: 'the release going live, a directory name such as `20261130T120000Z-1.4.2`'
    },
    {
        name: 'SHIPRAIL_RELEASE_PATH',
        scope: 'releases',
        description: "that release's directory, `<path>/releases/<release>`: the hook's working directory"
    },
    { name: 'SHIPRAIL_SERVICE', scope: 'containers', description: 'the service (`service`)' },
    {
        name: 'SHIPRAIL_CONTAINER',
        scope: 'containers',
        description: 'the container going live, `<service>-<release>`'
    }
];
/** The values of the variables with scope `every`, for one deploy or rollback. */
function requestVariables(request) {
    return {
        SHIPRAIL_ENVIRONMENT: request.environment,
        SHIPRAIL_VERSION: request.version,
        SHIPRAIL_PREVIOUS_VERSION: request.previousVersion ?? '',
        SHIPRAIL_REF: request.ref,
        SHIPRAIL_DEPLOYMENT_ID: request.deploymentId,
        SHIPRAIL_OPERATION: request.operation
    };
}
/**
 * requestVariables as name, value pairs in one flat list (the host scripts read them as
 * positional parameters, never as shell text).
 */
function hookVariables(request) {
    return Object.entries(requestVariables(request)).flat();
}


/***/ }),

/***/ 6285:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   B2: () => (/* binding */ SshCredentials),
/* harmony export */   Vu: () => (/* binding */ LocalTransport),
/* harmony export */   dh: () => (/* binding */ HostError),
/* harmony export */   e1: () => (/* binding */ SshTransport),
/* harmony export */   w$: () => (/* binding */ lastLines),
/* harmony export */   zN: () => (/* binding */ SshConnectError)
/* harmony export */ });
/* unused harmony exports shellQuote, hostScript, parseRsyncStats, rsyncArgs, SSH_DIR_PREFIX, CONTROL_SOCKET_PREFIX */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1421);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(1455);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(8161);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(6760);
/* harmony import */ var _process_runner_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(2069);
/* harmony import */ var _doctor_ssh_diagnosis_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(1357);






/** Thrown when a host cannot be reached or a transport command fails; names the host. */
class HostError extends Error {
    host;
    name = 'HostError';
    constructor(host, message) {
        super(`${host}: ${message}`);
        this.host = host;
    }
}
/** SSH refused or failed the connection: OpenSSH's reason, told apart, with its fix. */
class SshConnectError extends HostError {
    diagnosis;
    name = 'SshConnectError';
    constructor(host, spec, diagnosis) {
        super(host, `could not connect: ${diagnosis.detail}. ${(0,_doctor_ssh_diagnosis_js__WEBPACK_IMPORTED_MODULE_5__/* .sshFix */ .W)(diagnosis.kind, spec)}`);
        this.diagnosis = diagnosis;
    }
}
/**
 * Quotes one word for bash: inside single quotes nothing is special, and a single quote is
 * written as '\''. Safe for every string without a NUL byte, newlines included. Only ever used
 * for text that bash itself parses (our script on its stdin), never a login shell.
 */
function shellQuote(value) {
    if (value.includes('\0'))
        throw new Error('A value for a host command contains a NUL byte.');
    return `'${value.replace(/'/g, `'\\''`)}'`;
}
/**
 * The text sent to `bash -s`: the body becomes a function, so bash has read all of it before
 * anything runs (a command that reads stdin cannot swallow the rest of the script), then the
 * function is called with the quoted values.
 */
function hostScript(body, args) {
    return `shiprail_main() {\n${body}\n}\nshiprail_main ${args.map(shellQuote).join(' ')}\n`;
}
/** The script, then the payload (bytes when it is a Buffer). */
function withPayload(script, payload) {
    return Buffer.isBuffer(payload)
        ? Buffer.concat([Buffer.from(script), payload])
        : script + (payload ?? '');
}
/** Reads `Total bytes sent` and `Number of regular files transferred` from rsync --stats. */
function parseRsyncStats(output) {
    const number = (label) => {
        const m = new RegExp(`^${label}:\\s*([\\d,.]+)`, 'm').exec(output);
        return m ? Number(m[1].replace(/[,.]/g, '')) : NaN;
    };
    return {
        bytesSent: number('Total bytes sent'),
        filesTransferred: number('Number of regular files transferred')
    };
}
const TAIL_BODY = `
if [ -f "$1" ]; then tail -c "$2" -- "$1"; fi`;
/**
 * -r -l -p: files, directories, symlinks as links (never followed), permissions. No -t: a CI
 * checkout gives every file a new mtime, and with --checksum (content, not size+mtime, decides
 * what is unchanged) an identical file with another mtime is still hard-linked from the live
 * release. Unchanged files thus keep the time they were first deployed.
 * Caveat of hard links (as with every link-dest deploy): a hook that edits a file in place in
 * the new release edits the same file in older releases; write new files instead.
 */
function rsyncArgs(linkDest, options = {}) {
    return [
        // --files-from names every directory itself; -r would send each one's whole content.
        ...(options.filesFrom ? ['-lp', `--files-from=${options.filesFrom}`, '--from0'] : ['-rlp']),
        ...(options.checksum === false ? [] : ['--checksum']),
        '--stats',
        '--no-human-readable',
        // An I/O timeout: rsync gives up when nothing moves for this long.
        '--timeout=120',
        ...(linkDest ? [`--link-dest=${linkDest}`] : [])
    ];
}
async function runChecked(host, what, command, args, input, options) {
    const result = await (0,_process_runner_js__WEBPACK_IMPORTED_MODULE_4__/* .runProcess */ .R)(command, {
        args,
        input,
        // Never Shiprail's own environment: without one from the transport, nothing is inherited.
        env: options.env ?? {},
        timeoutMs: options.timeoutMs,
        signal: options.signal,
        onLine: options.onLine,
        onStdout: options.onStdout,
        capture: true,
        captureLimit: options.maxOutput
    });
    if (result.exitCode === 255 && command === 'ssh') {
        throw new HostError(host, `SSH failed: ${lastLines(result.stderr)}`);
    }
    if (result.timedOut || result.aborted) {
        throw new HostError(host, `${what} ${(0,_process_runner_js__WEBPACK_IMPORTED_MODULE_4__/* .describeExit */ .K)(result, options.timeoutMs)}`);
    }
    return result;
}
function lastLines(text, count = 3) {
    const lines = text
        .split('\n')
        .map(l => l.trim())
        .filter(Boolean);
    return lines.slice(-count).join(' / ') || '(no output)';
}
/** `hosts: local`: this machine's filesystem. */
class LocalTransport {
    env;
    label = 'local';
    /** `env`: what the user's hooks see (RunInfo.env); undefined inherits this process's. */
    constructor(env) {
        this.env = env;
    }
    async connect() { }
    run(body, args, options) {
        return runChecked(this.label, 'a command', 'bash', ['--noprofile', '--norc', '-s'], withPayload(hostScript(body, args), options.payload), { ...options, env: this.env });
    }
    async upload(sourceDir, dest, options) {
        const result = await runChecked(this.label, 'rsync', 'rsync', [...rsyncArgs(options.linkDest, options), '--', withSlash(sourceDir), withSlash(dest)], undefined, { ...options, env: this.env });
        if (result.exitCode !== 0) {
            throw new HostError(this.label, `rsync exited with status ${result.exitCode}: ${lastLines(result.stderr)}`);
        }
        return parseRsyncStats(result.stdout);
    }
    async readTail(path, maxBytes) {
        try {
            const handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.open)(path, 'r');
            try {
                const { size } = await handle.stat();
                const length = Math.min(size, maxBytes);
                const buffer = Buffer.alloc(length);
                await handle.read(buffer, 0, length, size - length);
                return buffer.toString('utf8');
            }
            finally {
                await handle.close();
            }
        }
        catch (err) {
            if (err.code === 'ENOENT')
                return '';
            throw err;
        }
    }
    async close() { }
}
function withSlash(path) {
    return path.endsWith('/') ? path : `${path}/`;
}
/** Files SSH needs, in one private temp dir that `dispose` removes (also after a failure). */
class SshCredentials {
    dir;
    keyFile;
    knownHostsFile;
    strict;
    constructor(dir, keyFile, knownHostsFile, strict) {
        this.dir = dir;
        this.keyFile = keyFile;
        this.knownHostsFile = knownHostsFile;
        this.strict = strict;
    }
    /**
     * The key goes to a 0600 file in a 0700 dir (OpenSSH refuses keys others can read). With
     * strict checking off, known hosts go to /dev/null so nothing is trusted or remembered.
     * `tempBase` is RUNNER_TEMP inside Actions: the runner empties it after the job, so even a
     * SIGKILLed deploy does not leave the key on a self-hosted machine, and the action's post run
     * finds the directory there (see ssh-leftovers.ts).
     */
    static async create(sshKey, knownHosts, strict, tempBase) {
        // Short and quote-free: the control sockets live here (a socket path has ~100 bytes at most)
        // and the paths go into rsync's -e string.
        const usable = (dir) => dir !== undefined && /^[A-Za-z0-9._/-]{1,60}$/.test(dir);
        const base = usable(tempBase) ? tempBase : usable((0,node_os__WEBPACK_IMPORTED_MODULE_2__.tmpdir)()) ? (0,node_os__WEBPACK_IMPORTED_MODULE_2__.tmpdir)() : '/tmp';
        const dir = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdtemp)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(base, SSH_DIR_PREFIX));
        try {
            let keyFile;
            if (sshKey.trim() !== '') {
                keyFile = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(dir, 'id');
                // OpenSSH rejects a key without its final newline ("invalid format"); pasted secrets
                // often lose it, or carry CRLF line ends.
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)(keyFile, sshKey.replace(/\r\n/g, '\n').trim() + '\n', { mode: 0o600 });
            }
            let knownHostsFile = '/dev/null';
            if (strict) {
                knownHostsFile = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(dir, 'known_hosts');
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)(knownHostsFile, knownHosts.replace(/\r\n/g, '\n').trim() + '\n', {
                    mode: 0o600
                });
            }
            return new SshCredentials(dir, keyFile, knownHostsFile, strict);
        }
        catch (err) {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(dir, { recursive: true, force: true });
            throw err;
        }
    }
    async dispose() {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(this.dir, { recursive: true, force: true });
    }
}
/** Name prefix of the per-deploy directory holding the key and the control sockets. */
const SSH_DIR_PREFIX = 'shiprail-ssh-';
/** Name prefix of the control sockets inside it. */
const CONTROL_SOCKET_PREFIX = 'cm-';
const CONNECT_TIMEOUT_S = 10;
/** The master stays this long after the last command, so a killed deploy leaves no process. */
const CONTROL_PERSIST_S = 120;
/**
 * A remote host over the system's OpenSSH client. `connect` starts one master connection
 * (ControlMaster); every later ssh and rsync goes through its socket, so a deploy opens one
 * TCP connection and authenticates once per host.
 */
class SshTransport {
    host;
    credentials;
    env;
    label;
    controlPath;
    constructor(host, credentials, index, 
    /** Environment of ssh and rsync here (PATH, HOME, SSH_AUTH_SOCK). */
    env) {
        this.host = host;
        this.credentials = credentials;
        this.env = env;
        this.label = host.label;
        this.controlPath = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(credentials.dir, `${CONTROL_SOCKET_PREFIX}${index}`);
    }
    /** Options shared by every ssh process for this host (argument array, never shell text). */
    sshOptions() {
        const c = this.credentials;
        return [
            '-o',
            'BatchMode=yes',
            '-o',
            `ConnectTimeout=${CONNECT_TIMEOUT_S}`,
            '-o',
            'ServerAliveInterval=15',
            '-o',
            'ServerAliveCountMax=4',
            '-o',
            `ControlPath=${this.controlPath}`,
            '-o',
            `StrictHostKeyChecking=${c.strict ? 'yes' : 'no'}`,
            '-o',
            `UserKnownHostsFile=${c.knownHostsFile}`,
            '-o',
            'GlobalKnownHostsFile=/dev/null',
            '-o',
            'LogLevel=ERROR',
            ...(c.keyFile ? ['-i', c.keyFile, '-o', 'IdentitiesOnly=yes'] : []),
            ...(this.host.port ? ['-p', String(this.host.port)] : []),
            ...(this.host.user ? ['-l', this.host.user] : [])
        ];
    }
    /**
     * `ssh -f -N -M`: ssh authenticates, then leaves a master in the background and exits. The
     * background master inherits our stderr, so stderr goes to a file: with a pipe, waiting for
     * the pipe to close would wait for the master to end.
     */
    async connect(timeoutMs, signal) {
        const logFile = `${this.controlPath}.log`;
        const log = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.open)(logFile, 'w', 0o600);
        let code;
        try {
            code = await new Promise((resolve, reject) => {
                const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)('ssh', [
                    '-f',
                    '-N',
                    '-o',
                    'ControlMaster=yes',
                    '-o',
                    `ControlPersist=${CONTROL_PERSIST_S}`,
                    ...this.sshOptions(),
                    '--',
                    this.host.host
                ], { stdio: ['ignore', 'ignore', log.fd], env: this.env });
                const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
                const onAbort = () => child.kill('SIGKILL');
                signal?.addEventListener('abort', onAbort, { once: true });
                child.on('error', err => {
                    clearTimeout(timer);
                    reject(err);
                });
                child.on('exit', exitCode => {
                    clearTimeout(timer);
                    signal?.removeEventListener('abort', onAbort);
                    resolve(exitCode);
                });
            });
        }
        finally {
            await log.close();
        }
        if (code !== 0) {
            const stderr = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(logFile, 'utf8').catch(() => '');
            if (code === null)
                throw new HostError(this.label, `could not connect within ${Math.round(timeoutMs / 1000)} s`);
            // OpenSSH's own advice names our temporary known_hosts file, gone by the time anyone
            // reads this: say what went wrong and the fix that applies to the known-hosts input.
            throw new SshConnectError(this.label, this.host, (0,_doctor_ssh_diagnosis_js__WEBPACK_IMPORTED_MODULE_5__/* .diagnoseSsh */ .z)(lastLines(stderr, 8)));
        }
    }
    destination() {
        return [...this.sshOptions(), '-o', 'ControlMaster=no', '-T', '--', this.host.host];
    }
    run(body, args, options) {
        // The login shell only ever sees this fixed text; the script and its values come on stdin.
        return runChecked(this.label, 'a command', 'ssh', [...this.destination(), 'bash --noprofile --norc -s'], withPayload(hostScript(body, args), options.payload), { ...options, env: this.env });
    }
    async upload(sourceDir, dest, options) {
        // rsync splits -e on spaces and honours single quotes; our option values have neither
        // spaces nor quotes (SshCredentials picks a plain temp dir), the quotes are belt and braces.
        const rsh = ['ssh', ...this.sshOptions(), '-o', 'ControlMaster=no']
            .map(a => (/^[A-Za-z0-9@%+=:,./_-]+$/.test(a) ? a : `'${a}'`))
            .join(' ');
        const host = this.host.host.includes(':') ? `[${this.host.host}]` : this.host.host;
        const result = await runChecked(this.label, 'rsync', 'rsync', [
            ...rsyncArgs(options.linkDest, options),
            // The remote path and --link-dest go over rsync's protocol, not through the remote
            // shell, so spaces or quotes in `path` stay data (rsync >= 3.0 on the host).
            '--protect-args',
            '-e',
            rsh,
            '--',
            withSlash(sourceDir),
            `${host}:${withSlash(dest)}`
        ], undefined, { ...options, env: this.env });
        if (result.exitCode !== 0) {
            throw new HostError(this.label, `rsync exited with status ${result.exitCode}: ${lastLines(result.stderr)}`);
        }
        return parseRsyncStats(result.stdout);
    }
    async readTail(path, maxBytes, options) {
        const result = await this.run(TAIL_BODY, [path, String(maxBytes)], options);
        if (result.exitCode !== 0) {
            throw new HostError(this.label, `could not read ${path}: ${lastLines(result.stderr)}`);
        }
        return result.stdout;
    }
    async close() {
        await (0,_process_runner_js__WEBPACK_IMPORTED_MODULE_4__/* .runProcess */ .R)('ssh', {
            args: [...this.sshOptions(), '-O', 'exit', '--', this.host.host],
            timeoutMs: 10_000,
            env: this.env,
            capture: true
        }).catch(() => undefined);
    }
}


/***/ }),

/***/ 6911:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   BC: () => (/* binding */ pickRollbackRelease),
/* harmony export */   W3: () => (/* binding */ releasesToPrune),
/* harmony export */   "do": () => (/* binding */ releaseName),
/* harmony export */   i6: () => (/* binding */ parseHistory),
/* harmony export */   kz: () => (/* binding */ formatHistoryLine)
/* harmony export */ });
/* unused harmony exports RELEASE_NAME_PATTERN, isReleaseName, goodReleases */
/**
 * `<path>/.shiprail/history.jsonl` on each host: one JSON line per deploy or rollback, appended
 * with a single O_APPEND write, so a reader sees whole lines (a line cut by a crash or by
 * reading only the file's tail is skipped). The functions here are pure: they decide from the
 * history and the release directories that exist, and never touch a host.
 */
/** `20261122T053012Z-1.4.2`: sortable UTC second, then the version (already a safe label). */
const RELEASE_NAME_PATTERN = /^\d{8}T\d{6}Z-[A-Za-z0-9][A-Za-z0-9._+-]{0,140}$/;
function isReleaseName(name) {
    return RELEASE_NAME_PATTERN.test(name);
}
/** The release name for a deploy at `now`, unique among `taken` (a second deploy in the same second gets `-2`). */
function releaseName(now, version, taken = []) {
    const stamp = now
        .toISOString()
        .replace(/\.\d+Z$/, 'Z')
        .replace(/[-:]/g, '');
    const safe = version.replace(/[^A-Za-z0-9._+-]/g, '_').slice(0, 128) || 'release';
    const base = `${stamp}-${safe}`;
    const used = new Set(taken);
    if (!used.has(base))
        return base;
    for (let n = 2;; n++)
        if (!used.has(`${base}-${n}`))
            return `${base}-${n}`;
}
function formatHistoryLine(entry) {
    return JSON.stringify(entry);
}
/** Parses history.jsonl; lines that are not whole entries (cut, hand-edited) are skipped. */
function parseHistory(text) {
    const entries = [];
    for (const line of text.split('\n')) {
        if (!line.trim())
            continue;
        try {
            const value = JSON.parse(line);
            if (typeof value.release !== 'string' || typeof value.version !== 'string')
                continue;
            if (!['success', 'failure', 'rolled-back'].includes(String(value.outcome)))
                continue;
            entries.push({
                release: value.release,
                version: value.version,
                ref: typeof value.ref === 'string' ? value.ref : '',
                operation: value.operation === 'rollback' ? 'rollback' : 'deploy',
                time: typeof value.time === 'string' ? value.time : '',
                outcome: value.outcome,
                deploymentId: typeof value.deploymentId === 'string' ? value.deploymentId : '',
                ...(typeof value.rollbackOf === 'string' ? { rollbackOf: value.rollbackOf } : {}),
                ...(value.bad === true ? { bad: true } : {}),
                ...(typeof value.image === 'string' ? { image: value.image } : {}),
                ...(Array.isArray(value.runArgs) && value.runArgs.every(a => typeof a === 'string')
                    ? { runArgs: value.runArgs }
                    : {})
            });
        }
        catch {
            // A line cut by a crash, or the first line of a tail read: not an entry.
        }
    }
    return entries;
}
function factsByRelease(history) {
    const facts = new Map();
    for (const e of history) {
        const f = facts.get(e.release) ?? { version: e.version, succeeded: false, bad: false };
        if (e.outcome === 'success')
            f.succeeded = true;
        if (e.outcome === 'rolled-back' || e.bad)
            f.bad = true;
        // A deploy that failed before its switch never went live; one that failed after it
        // (after-switch) did, and is not a known-good target either.
        if (e.outcome === 'failure' && e.operation === 'deploy')
            f.bad = true;
        facts.set(e.release, f);
    }
    return facts;
}
/** Releases that deployed successfully and were never marked bad, oldest first (by name = time). */
function goodReleases(history, existing) {
    const facts = factsByRelease(history);
    return [...new Set(existing)]
        .filter(name => isReleaseName(name))
        .filter(name => {
        const f = facts.get(name);
        return f !== undefined && f.succeeded && !f.bad;
    })
        .sort();
}
/**
 * The release a rollback to `version` switches to: the newest release of that version that
 * deployed successfully, is not marked bad, and still exists (when `existing` is given).
 */
function pickRollbackRelease(history, version, existing) {
    const present = existing ? new Set(existing) : undefined;
    const facts = factsByRelease(history);
    const candidates = [...facts.entries()]
        .filter(([name, f]) => f.version === version && f.succeeded && !f.bad && isReleaseName(name))
        .map(([name]) => name)
        .sort();
    const kept = candidates.filter(name => !present || present.has(name));
    if (kept.length > 0)
        return { ok: true, release: kept[kept.length - 1] };
    const keptVersions = present
        ? [...new Set(goodReleases(history, present).map(name => facts.get(name).version))]
        : [];
    const keptText = present
        ? keptVersions.length
            ? `releases still kept: ${keptVersions.join(', ')}`
            : 'no known-good release is kept'
        : '';
    let reason;
    if (candidates.length > 0) {
        reason = `the release of version ${version} was pruned (${candidates.join(', ')}); ${keptText}`;
    }
    else if ([...facts.values()].some(f => f.version === version)) {
        reason = `version ${version} has no release that deployed successfully and was not rolled back from; ${keptText}`;
    }
    else {
        reason = `version ${version} was never deployed here; ${keptText}`;
    }
    return { ok: false, reason: reason.replace(/; $/, ''), keptVersions };
}
/**
 * Release directories to remove after a successful switch. Kept: the live release, the newest
 * good release older than it and the newest good release of another version (the rollback
 * targets), and the newest `keep` good releases counting the live one. Everything else that
 * has a release name goes: older good releases, and releases that never went live or were
 * marked bad (a failed deploy, an upload cut by a killed deploy, a release rolled back from);
 * those do not count towards `keep`. Directories without a release name are not ours and stay.
 */
function releasesToPrune(history, existingDirs, live, keep) {
    const dirs = [...new Set(existingDirs)].filter(isReleaseName).sort();
    const good = goodReleases(history, dirs);
    const facts = factsByRelease(history);
    const protect = new Set();
    if (live)
        protect.add(live);
    const liveVersion = live ? facts.get(live)?.version : undefined;
    const older = good.filter(name => live === undefined || name < live);
    if (older.length)
        protect.add(older[older.length - 1]);
    const otherVersion = good.filter(name => name !== live && facts.get(name)?.version !== liveVersion);
    if (otherVersion.length)
        protect.add(otherVersion[otherVersion.length - 1]);
    const slots = Math.max(0, keep - (live ? 1 : 0));
    const newest = new Set(slots > 0 ? good.filter(name => name !== live).slice(-slots) : []);
    return dirs.filter(name => !protect.has(name) && !newest.has(name));
}


/***/ }),

/***/ 9124:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   BF: () => (/* binding */ parseLockInfo),
/* harmony export */   FD: () => (/* binding */ describeLock),
/* harmony export */   Wf: () => (/* binding */ staleReason),
/* harmony export */   j4: () => (/* binding */ currentMachine),
/* harmony export */   kq: () => (/* binding */ newLockInfo),
/* harmony export */   pl: () => (/* binding */ pidAlive),
/* harmony export */   x: () => (/* binding */ acquireLocks),
/* harmony export */   x_: () => (/* binding */ releaseLock)
/* harmony export */ });
/* unused harmony export LOCK_MAX_AGE_MS */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7598);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3024);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(8161);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(5052);
/* harmony import */ var _host_transport_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(6285);





/**
 * The deploy lock: the file `<path>/.shiprail/lock`, holding one JSON object. It is created
 * whole or not at all: the content goes to a private temp file, then `ln` makes the hard link
 * `lock`, which fails when `lock` exists (link(2) is atomic, also on NFS).
 *
 * Stale rule: a lock is taken over (with a warning) when
 * - it was taken on this machine (same host name and boot id) and that process is gone, or
 * - it is older than LOCK_MAX_AGE_MS (6 h: longer than a GitHub-hosted job may run), which
 *   covers a runner that vanished with the lock held.
 * Anything else is a live deploy: fail at once naming it, or wait up to `lock-timeout`.
 */
const LOCK_MAX_AGE_MS = 6 * 3600 * 1000;
function currentMachine() {
    let bootId = '';
    try {
        bootId = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    }
    catch {
        // Not Linux: the host name alone identifies the machine.
    }
    return { host: (0,node_os__WEBPACK_IMPORTED_MODULE_2__.hostname)(), bootId };
}
function newLockInfo(holder, runUrl, now) {
    const machine = currentMachine();
    return {
        holder: holder || 'unknown',
        runUrl: runUrl || '',
        pid: process.pid,
        host: machine.host,
        bootId: machine.bootId,
        since: now.toISOString(),
        token: (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(12).toString('hex')
    };
}
function parseLockInfo(text) {
    try {
        const v = JSON.parse(text);
        if (typeof v.since !== 'string' || typeof v.pid !== 'number')
            return undefined;
        return {
            holder: String(v.holder ?? 'unknown'),
            runUrl: String(v.runUrl ?? ''),
            pid: v.pid,
            host: String(v.host ?? ''),
            bootId: String(v.bootId ?? ''),
            since: v.since,
            token: String(v.token ?? '')
        };
    }
    catch {
        return undefined;
    }
}
function pidAlive(pid) {
    try {
        process.kill(pid, 0);
        return true;
    }
    catch (err) {
        // EPERM: it exists, it is just not ours.
        return err.code === 'EPERM';
    }
}
/** Why a lock is stale, or undefined when its holder may still be working. Pure. */
function staleReason(info, self, now, isAlive, maxAgeMs = LOCK_MAX_AGE_MS) {
    const since = Date.parse(info.since);
    if (info.host === self.host && info.bootId === self.bootId && !isAlive(info.pid)) {
        return `its process ${info.pid} on ${info.host} is gone`;
    }
    if (Number.isFinite(since) && now.getTime() - since > maxAgeMs) {
        return `it is older than ${Math.round(maxAgeMs / 3600_000)} h`;
    }
    return undefined;
}
function describeLock(info, raw) {
    if (!info)
        return `an unreadable lock (${JSON.stringify(raw.slice(0, 200))})`;
    return `${info.holder}${info.runUrl ? ` (${info.runUrl})` : ''} since ${info.since} (pid ${info.pid} on ${info.host})`;
}
/*
 * Move the stale lock aside, and check that what was moved is the lock we judged stale: if
 * another deploy took it over in between, we moved a live lock, so we put it back.
 */
const TAKE_OVER = `
set -u
cd -- "$1/.shiprail" || exit 1
moved="lock.stale-$4"
if ! mv -- lock "$moved" 2>/dev/null; then echo gone; exit 0; fi
if [ "$(cat -- "$moved")" != "$2" ]; then
  ln -- "$moved" lock 2>/dev/null
  rm -f -- "$moved"
  echo held
  cat lock 2>/dev/null
  exit 0
fi
rm -f -- "$moved"
echo gone`;
const RELEASE = `
cd -- "$1/.shiprail" 2>/dev/null || exit 0
if grep -qF -- "$2" lock 2>/dev/null; then rm -f -- lock; fi
exit 0`;
/** Exit status of the lock scripts when the deploy user cannot write under the deploy path. */
const UNWRITABLE = 3;
/**
 * The error for a lock script that failed: a path the deploy user cannot write is said as
 * such (with the fix), not as a lock problem.
 */
function lockScriptError(label, root, result) {
    const said = (0,_host_transport_js__WEBPACK_IMPORTED_MODULE_4__/* .lastLines */ .w$)(result.stderr || result.stdout);
    if (result.exitCode === UNWRITABLE) {
        return new _host_transport_js__WEBPACK_IMPORTED_MODULE_4__/* .HostError */ .dh(label, `cannot write to ${root}/.shiprail (${said}): the deploy user needs a writable path; create ${root} owned by the deploy user (docs/hosts.md) or set path to one it can write`);
    }
    return new _host_transport_js__WEBPACK_IMPORTED_MODULE_4__/* .HostError */ .dh(label, `could not take the lock: ${said}`);
}
const SCRIPT_TIMEOUT_MS = 60_000;
const POLL_MS = 2000;
/**
 * Moves a lock judged stale out of the way (TAKE_OVER): undefined when it is gone and the
 * caller may try again, else the content of the lock that holds it now.
 */
async function takeOver(transport, root, stale, info, options) {
    const result = await transport.run(TAKE_OVER, [root, stale, JSON.stringify(info), info.token], {
        timeoutMs: SCRIPT_TIMEOUT_MS,
        signal: options.signal
    });
    if (result.exitCode !== 0) {
        throw new _host_transport_js__WEBPACK_IMPORTED_MODULE_4__/* .HostError */ .dh(transport.label, `could not take the lock: ${(0,_host_transport_js__WEBPACK_IMPORTED_MODULE_4__/* .lastLines */ .w$)(result.stderr)}`);
    }
    const [first, ...rest] = result.stdout.split('\n');
    if (first === 'gone')
        return undefined;
    if (first === 'held')
        return rest.join('\n').trim();
    throw new _host_transport_js__WEBPACK_IMPORTED_MODULE_4__/* .HostError */ .dh(transport.label, `unexpected answer from the lock: ${(0,_host_transport_js__WEBPACK_IMPORTED_MODULE_4__/* .lastLines */ .w$)(result.stdout)}`);
}
/** Removes the lock if it is still ours. Never throws; a failure is a warning. */
async function releaseLock(transport, root, info, logger) {
    try {
        const result = await transport.run(RELEASE, [root, info.token], {
            timeoutMs: SCRIPT_TIMEOUT_MS
        });
        if (result.exitCode !== 0)
            throw new Error((0,_host_transport_js__WEBPACK_IMPORTED_MODULE_4__/* .lastLines */ .w$)(result.stderr));
    }
    catch (err) {
        logger.warning(`${transport.label}: could not remove the lock ${root}/.shiprail/lock (${err instanceof Error ? err.message : String(err)}); the next deploy will report it.`);
    }
}
/**
 * Takes the lock, then runs the caller's script (if any) in the same command, so locking and
 * preparing cost one SSH command.
 */
function acquireThen(body) {
    return `
shiprail_then() {
${body}
}
set -u
start=$PWD
mkdir -p -- "$1/.shiprail" && cd -- "$1/.shiprail" || exit 3
if [ -d lock ]; then echo "$1/.shiprail/lock is a directory" >&2; exit 2; fi
tmp="lock.new-$3"
printf '%s\\n' "$2" > "$tmp" || exit 3
if ln -- "$tmp" lock 2>/dev/null; then
  rm -f -- "$tmp"
  echo acquired
  cd -- "$start" || exit 1
  shift 3
  shiprail_then "$@"
  exit $?
fi
rm -f -- "$tmp"
echo held
cat lock 2>/dev/null
exit 0`;
}
/** One try at one host's lock, taking over a stale lock on the way (see staleReason). */
async function tryLock({ transport, root }, info, options, then = { body: ':', args: [] }) {
    const json = JSON.stringify(info);
    const self = options.machine ?? currentMachine();
    const isAlive = options.isAlive ?? pidAlive;
    const body = acquireThen(then.body);
    for (let attempt = 0;; attempt++) {
        const result = await transport.run(body, [root, json, info.token, ...then.args], {
            timeoutMs: SCRIPT_TIMEOUT_MS,
            signal: options.signal,
            maxOutput: then.maxOutput,
            onStdout: then.onStdout
        });
        // The first line says which; PREPARE's answer after it may hold a megabyte of manifest.
        const eol = result.stdout.indexOf('\n');
        const first = eol < 0 ? result.stdout : result.stdout.slice(0, eol);
        const rest = eol < 0 ? '' : result.stdout.slice(eol + 1);
        if (first === 'acquired')
            return { acquired: true, result: { ...result, stdout: rest } };
        if (result.exitCode !== 0 || first !== 'held')
            throw lockScriptError(transport.label, root, result);
        const held = rest.trim();
        // The lock vanished between our try and our read: try again.
        if (held === '' && attempt < 5)
            continue;
        const current = parseLockInfo(held);
        const stale = current && staleReason(current, self, options.clock.now(), isAlive);
        if (current && stale && attempt < 5) {
            options.logger.warning(`${transport.label}: taking over the stale lock of ${describeLock(current, held)}: ${stale}.`);
            const after = await takeOver(transport, root, held, info, options);
            if (after === undefined)
                continue;
            return { acquired: false, holder: describeLock(parseLockInfo(after), after) };
        }
        return { acquired: false, holder: describeLock(current, held) };
    }
}
async function mapLimit(items, limit, fn) {
    const results = new Array(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const i = next++;
            try {
                results[i] = { status: 'fulfilled', value: await fn(items[i]) };
            }
            catch (reason) {
                results[i] = { status: 'rejected', reason };
            }
        }
    };
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
    return results;
}
/**
 * How long the holder of the first host waits for the others beyond lock-timeout: a deploy
 * that lost the first host lets go of the others within a round trip or two.
 */
const GATE_GRACE_MS = 5000;
const BACKOFF_MS = 250;
/**
 * Takes the lock of each target's root on every host at once, each in one command with its
 * follow-up script (if any), and returns each host's result (its follow-up's output). Two
 * deploys started together must not each hold some hosts and wait for the rest forever, so the
 * hosts have a fixed order (by label) and the first one decides: a deploy that did not get it
 * lets go of every lock it took and backs off (with jitter) until lock-timeout; the one that got
 * it keeps its locks and retries the hosts it missed, for up to GATE_GRACE_MS longer. Exactly
 * one of two deploys to the same hosts proceeds. On failure no lock of ours is left; on success
 * the caller releases them.
 */
async function acquireLocks(targets, info, options) {
    const order = [...targets].sort((a, b) => a.transport.label.localeCompare(b.transport.label));
    const gate = order[0];
    const held = new Map();
    const started = options.clock.now().getTime();
    const deadline = started + options.timeoutSeconds * 1000;
    const letGo = async () => {
        const ours = [...held.keys()];
        held.clear();
        await mapLimit(ours, options.parallel, t => releaseLock(t.transport, t.root, info, options.logger));
    };
    let waitingSaid = false;
    try {
        for (;;) {
            const todo = order.filter(t => !held.has(t));
            const outcomes = await mapLimit(todo, options.parallel, t => tryLock(t, info, options, options.then?.(t.transport)));
            let blocked;
            let failure;
            outcomes.forEach((o, i) => {
                if (o.status === 'rejected')
                    failure ??= o.reason;
                else if (o.value.acquired)
                    held.set(todo[i], o.value.result);
                else
                    blocked ??= { target: todo[i], holder: o.value.holder };
            });
            if (failure !== undefined)
                throw failure;
            if (!blocked)
                return new Map([...held].map(([t, result]) => [t.transport, result]));
            const haveGate = held.has(gate);
            if (!haveGate)
                await letGo();
            const now = options.clock.now().getTime();
            if (now >= (haveGate ? Math.max(deadline, started + GATE_GRACE_MS) : deadline)) {
                const waited = options.timeoutSeconds > 0 ? ` after waiting ${options.timeoutSeconds} s` : '';
                const { transport, root } = blocked.target;
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .CheckFailedError */ .CO(`${transport.label}: ${root} is locked by another deploy${waited}: ${blocked.holder}. ` +
                    `Set lock-timeout to wait for it; if no deploy is running, remove ${root}/.shiprail/lock.`);
            }
            if (!waitingSaid && now < deadline) {
                options.logger.info(`${blocked.target.transport.label}: waiting up to ${options.timeoutSeconds} s for the lock of ${blocked.holder}`);
                waitingSaid = true;
            }
            const pause = haveGate ? BACKOFF_MS : Math.min(POLL_MS, deadline - now);
            await options.clock.sleep(Math.max(1, Math.round(pause * (0.5 + Math.random()))), options.signal);
        }
    }
    catch (err) {
        await letGo();
        throw err;
    }
}


/***/ }),

/***/ 9504:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  CV: () => (/* binding */ FINISH),
  cc: () => (/* binding */ HOOK),
  ps: () => (/* binding */ LINK),
  IZ: () => (/* binding */ PREPARE),
  gv: () => (/* binding */ RECORD),
  Fo: () => (/* binding */ SWITCH),
  tu: () => (/* binding */ SWITCH_AND_RECORD),
  FP: () => (/* binding */ freeSpace)
});

;// CONCATENATED MODULE: ./build/ncc/core/drivers/release-perl.js
/*
 * The perl programs of the releases driver's host scripts (release-scripts.ts), each run with
 * \`perl -e\` and its values as arguments. perl-base is essential on Debian and Ubuntu; where
 * perl is missing, the scripts fall back to the shell tools.
 */
/**
 * The perl sub `dir`, `mkdir -p` below the directory in the perl variable `base`, each directory
 * made once (%made): the prelinking and the linking programs both build a release's tree with it.
 */
const makeParents = (base) => String.raw `sub dir {
  my ($d) = @_;
  return if $made{$d}++;
  my $i = rindex($d, '/');
  dir(substr($d, 0, $i)) if $i > 0;
  mkdir("${base}/$d") or $!{EEXIST} or die "mkdir ${base}/$d: $!
";
}`;
/**
 * Compares a tree with a stat snapshot, with perl: stdin holds `find -printf '%i %s %T@ %m %P\0'`
 * of the tree, $1 is the snapshot. Prints how many snapshot lines the disk no longer matches
 * (what `sort | comm -23` counts); with $2 = `exact`, files the snapshot lacks count too.
 */
const COMPARE_PERL = String.raw `
use strict;
use warnings;
my ($snap, $exact) = @ARGV;
local $/ = "\0";
my %disk;
while (my $r = <STDIN>) { $disk{$r} = 1 }
open(my $in, '<', $snap) or die "$snap: $!\n";
my ($changed, $lines) = (0, 0);
while (my $line = <$in>) { $lines++; $changed++ if !$disk{$line} }
close($in);
$changed += keys(%disk) - ($lines - $changed) if $exact eq 'exact';
print "$changed\n";
`;
/**
 * Links every file of the stat snapshot $2 from the release directory $1 into $3 (the release's
 * "prelinked" tree), then writes `$3.done`: `ok\t<release>` or `failed\t<why>`. Run in the
 * background, at low priority, after a deploy has switched: the next deploy's LINK then renames
 * this tree instead of making ten thousand links while the user waits, once PREPARE has checked
 * it against the snapshot.
 */
const PRELINK_PERL = String.raw `
use strict;
use warnings;
my ($live, $snap, $pre, $release) = @ARGV;
# A second's grace: the deploy that started this finishes its last commands first.
sleep(1);
local $/ = "\0";
my %made;
${makeParents('$pre')}
my $ok = eval {
  open(my $in, '<', $snap) or die "$snap: $!\n";
  mkdir($pre) or die "mkdir: $!\n";
  while (my $line = <$in>) {
    my $p = (split / /, substr($line, 0, -1), 5)[4];
    next if !defined $p;
    my $i = rindex($p, '/');
    dir(substr($p, 0, $i)) if $i > 0;
    link("$live/$p", "$pre/$p") or die "link $p: $!\n";
  }
  1;
};
if (open(my $d, '>', "$pre.done.tmp")) {
  print $d $ok ? "ok\t$release\n" : "failed\t$@";
  close($d) and rename("$pre.done.tmp", "$pre.done");
}
`;
/**
 * Links the files of the stat snapshot $3, except those named on stdin (NUL-terminated), from
 * the directory $1 into $2 (made with mode $6), creating their directories first, then prints
 * `linked\t<count>`. Writes the snapshot lines of the linked files to $4: a hard link has its
 * file's inode, size, time and mode, so FINISH takes them as they are. One perl process does
 * what `sort | comm | xargs cp -l --parents` does in six, with one link(2) per file and no stat;
 * with several CPUs, two processes share the links. perl-base is essential on Debian and
 * Ubuntu; LINK falls back to the shell tools where it is missing.
 * With $7, the live release's prelinked tree (see PRELINK_PERL), which PREPARE found complete:
 * when at most half of its files are to go, it is renamed to $2 and only those files are
 * unlinked (and the directories they leave empty removed), before `started`, so that rsync
 * never meets a file shared with the live release at a path it writes. Otherwise it goes to
 * the trash $8. $9 `inband` / `inband-finish` and $10-$12 (the manifests directory, the new and
 * the live release's names): see LINK in release-scripts.ts.
 */
const LINK_PERL = String.raw `
use strict;
use warnings;
use Fcntl qw(O_WRONLY O_CREAT O_EXCL);
my ($old, $new, $snap, $kept, $cpus, $mode, $pre, $trash, $inband, $mdir, $release, $base) = @ARGV;
local $/ = "\0";
my %drop;
while (my $p = <STDIN>) { chop $p; last if $p eq ''; $drop{$p} = 1 }
open(my $in, '<', $snap) or die "$snap: $!\n";
open(my $out, '>', $kept) or die "$kept: $!\n";
my (@link, @gone, %made, @snapshot);
my $all = 0;
while (my $line = <$in>) {
  my $p = (split / /, substr($line, 0, -1), 5)[4];
  next if !defined $p;
  $all++;
  if ($drop{$p}) { push @gone, $p; next }
  push @link, $p;
  push @snapshot, $line;
  print $out $line;
}
close($out) or die "$kept: $!\n";
$| = 1;
${makeParents('$new')}
my $linked = 0;
# The tree prelinked after the last deploy (PREPARE checked it): renamed into place when at most
# half of its files are to go; otherwise it goes to the trash and the links are made here.
if ($pre ne '') {
  if (@gone * 2 <= $all && rename($pre, $new)) {
    unlink("$pre.done");
    chmod(oct($mode), $new) or die "chmod $new: $!\n";
    my %up;
    for my $p (@gone) {
      unlink("$new/$p") or $!{ENOENT} or die "unlink $p: $!\n";
      for (my $i = rindex($p, '/'); $i > 0; $i = rindex($p, '/', $i - 1)) { $up{substr($p, 0, $i)} = 1 }
    }
    rmdir("$new/$_") for sort { length($b) <=> length($a) } keys %up;
    print "started\n";
    $linked = 1;
  } else {
    mkdir($trash);
    rename($pre, "$trash/.prelink.$$") or $!{ENOENT} or die "$pre: $!\n";
    unlink("$pre.done");
  }
}
if (!$linked) {
  mkdir($new) or $!{EEXIST} or die "mkdir $new: $!\n";
  chmod(oct($mode), $new) or die "chmod $new: $!\n";
  print "started\n";
  for my $p (@link) { my $i = rindex($p, '/'); dir(substr($p, 0, $i)) if $i > 0 }
  my $share = $cpus > 1 && @link > 2000 ? 2 : 1;
  my $pid = $share > 1 ? fork() : undef;
  die "fork: $!\n" if $share > 1 && !defined $pid;
  my $part = $share > 1 && $pid == 0 ? 1 : 0;
  for (my $i = $part; $i < @link; $i += $share) {
    link("$old/$link[$i]", "$new/$link[$i]") or die "link $link[$i]: $!\n";
  }
  exit 0 if $share > 1 && $pid == 0;
  if ($share > 1) { waitpid($pid, 0); die "linking failed\n" if $? != 0 }
}
print "linked\t", scalar(@link), "\n";
exit 0 if $inband ne 'inband' && $inband ne 'inband-finish';
# The changed entries, sent on stdin instead of by rsync: "<kind> <mode> <size> <path>\0" then
# <size> bytes (a file's content, a symlink's target). A file is created, never opened if it
# exists: a path of the new release that still named a live release's file is refused.
my ($sent, @dirs) = (0);
my @sentfiles;
while (my $head = <STDIN>) {
  chop $head;
  last if $head eq '';
  my ($kind, $m, $size, $p) = split / /, $head, 4;
  die "bad record\n" if !defined $p || $p eq '' || $p =~ m{(^|/)\.\.?(/|$)} || $p =~ m{^/};
  my $data = '';
  while (length($data) < $size) { read(STDIN, $data, $size - length($data), length($data)) or die "short record\n" }
  my $i = rindex($p, '/');
  dir(substr($p, 0, $i)) if $i > 0;
  my $to = "$new/$p";
  if ($kind eq 'd') {
    if (!mkdir($to)) { die "mkdir $p: $!\n" if !$!{EEXIST} || -l $to || !-d _ }
    $made{$p} = 1;
    push @dirs, [$p, $m];
  } elsif ($kind eq 'l') {
    symlink($data, $to) or die "symlink $p: $!\n";
  } else {
    sysopen(my $fh, $to, O_WRONLY | O_CREAT | O_EXCL, 0600) or die "create $p: $!\n";
    my $at = 0;
    while ($at < $size) { my $n = syswrite($fh, $data, $size - $at, $at) // die "write $p: $!\n"; $at += $n }
    close($fh) or die "write $p: $!\n";
    chmod(oct($m), $to) or die "chmod $p: $!\n";
    push @sentfiles, $p;
    $sent++;
  }
}
# Directory modes last, deepest first, as rsync does: a read-only one still got its files.
chmod(oct($_->[1]), "$new/$_->[0]") or die "chmod $_->[0]: $!\n" for reverse @dirs;
print "sent\t$sent\n";
exit 0 if $inband ne 'inband-finish';
# FINISH's work without shared paths, in this process: "<bytes> <bytes>\0", the new manifest
# lines (header first) and the keys of the live manifest's lines to drop, one a line. The new
# manifest is those lines and the live one's others; the snapshot is the linked files' lines and
# the written files' (find prints the time as it will be read back).
my $h = <STDIN> // die "no manifest\n";
chop $h;
my ($nl, $dl) = split / /, $h;
my ($lines, $keys) = ('', '');
while (length($lines) < $nl) { read(STDIN, $lines, $nl - length($lines), length($lines)) or die "short manifest\n" }
while (length($keys) < $dl) { read(STDIN, $keys, $dl - length($keys), length($keys)) or die "short keys\n" }
my %dk = map { $_ => 1 } split /\n/, $keys;
my $tmp = "$mdir/.$release.tmp";
my $count = ($lines =~ tr/\n//) - 1;
{
  local $/ = "\n";
  open(my $mo, '>', $tmp) or die "$tmp: $!\n";
  print $mo $lines;
  open(my $lm, '<', "$mdir/$base") or die "$mdir/$base: $!\n";
  <$lm>;
  while (my $l = <$lm>) {
    my $t = index($l, "\t");
    next if $dk{substr($l, 0, $t < 0 ? length($l) - 1 : $t)};
    print $mo $l;
    $count++;
  }
  close($mo) or die "$tmp: $!\n";
}
chdir($new) or die "$new: $!\n";
for (my $i = 0; $i < @sentfiles; $i += 500) {
  my $j = $i + 499 < $#sentfiles ? $i + 499 : $#sentfiles;
  my @chunk = map { "./$_" } @sentfiles[$i .. $j];
  open(my $f, '-|', 'find', @chunk, '-maxdepth', '0', '-type', 'f', '-printf', '%i %s %T@ %m %p\0')
    or die "find: $!\n";
  while (my $r = <$f>) { $r =~ s{^((?:[^ ]* ){4})\./}{$1}; push @snapshot, $r }
  close($f);
}
unlink($kept);
if (@snapshot == $count) {
  open(my $so, '>', "$tmp.stat") or die "$tmp.stat: $!\n";
  print $so sort @snapshot;
  close($so) or die "$tmp.stat: $!\n";
  rename("$tmp.stat", "$mdir/$release.stat") or die "$release.stat: $!\n";
  rename($tmp, "$mdir/$release") or die "$release: $!\n";
} else {
  unlink($tmp, "$tmp.stat");
  print "manifest\tskipped\n";
}
`;

;// CONCATENATED MODULE: ./build/ncc/core/drivers/release-scripts.js
/*
 * Host-side scripts of the releases driver. Each is a fixed function body run by `bash -s` on
 * the host (see hostScript); every value is a positional parameter, so nothing a user typed
 * becomes code, except the before-switch/after-switch scripts, which are meant to run and are
 * passed as data to `bash -c`. Every SSH command costs a session and the login shell's start,
 * so each phase is one script per host.
 */

/**
 * Prints `free\t<KiB available>\t<mount point>` for the filesystem holding the directory in
 * the shell variable `dir` (POSIX `df -P`: one line, fixed columns; the mount point may hold
 * spaces, so it comes last). Prints nothing when df fails: the check is then skipped rather
 * than the deploy refused. Shared by the deploy's PREPARE and doctor's probe.
 */
const freeSpace = (dir) => `
df -Pk -- "$${dir}" 2>/dev/null | { read -r _; read -r _ _ _ avail _ mount \\
  && printf 'free\\t%s\\t%s\\n' "$avail" "$mount"; } || true`;
/**
 * Removes what `$root/releases/.trash` holds, in the background: the command that put it there
 * returns at once, and the next deploy starts this again for whatever a reboot interrupted.
 * The trash is inside releases/ so that moving a release there is a rename on the same
 * filesystem even when releases/ is a link to another disk; as a dot-name it is no release.
 * Its output goes nowhere, so the SSH session ends without waiting for it.
 */
const emptyTrash = (root) => `
if [ -d "${root}/releases/.trash" ]; then
  (cd -- "${root}/releases/.trash" && exec nohup nice find . -mindepth 1 -maxdepth 1 \\
    -exec rm -rf -- {} + </dev/null >/dev/null 2>&1 &)
fi`;
/**
 * Starts PRELINK_PERL for release $release under the root in $root, detached (its output goes
 * nowhere, so the SSH command does not wait for it). Needs perl and the release's snapshot.
 */
const startPrelink = `
if command -v perl >/dev/null 2>&1 && [ -f "$root/.shiprail/manifests/$release.stat" ]; then
  (cd -- "$root" && state=$PWD/.shiprail/manifests && cd releases \\
    && exec nohup nice perl -e '${PRELINK_PERL.replace(/'/g, "'\\''")}' "$PWD/$release" \\
    "$state/$release.stat" "$PWD/.prelink-$release" "$release" </dev/null >/dev/null 2>&1 &)
fi`;
/**
 * Creates the layout and reports the live release, the real path of releases/, the release
 * directories, the live release's manifest when the disk still matches its stat snapshot
 * (`manifest\t<state>`), the free space (`free\t<KiB>\t<mount>`, see release-space.ts) and
 * the tail of the history. $1 root, $2 history bytes, $3 `manifest` when the caller wants the
 * manifest, which is printed before the disk is checked (the runner reads it meanwhile) and
 * counts only after `manifest\tok`. With perl, the live release's prelinked tree (see
 * PRELINK_PERL) is checked in its place when it is complete (`prelink\tready`: LINK renames
 * it); any other is removed. Runs right after the lock is taken, in the same command. The
 * snapshot check needs GNU find, and without perl also sort, comm, cut, grep and sed (-z),
 * which LINK then uses; without them the state says so and the deploy takes the --checksum path.
 */
const PREPARE = `
set -euo pipefail
root=$1
mkdir -p -- "$root/releases" "$root/shared" "$root/.shiprail/manifests"${freeSpace('root')}
cd -- "$root"
# Leftovers of a switch interrupted between ln and mv; the lock is ours, nobody else switches.
rm -f -- current.tmp-* .shiprail/manifests/.*.tmp .shiprail/manifests/.*.tmp.*${emptyTrash('.')}
if [ -e current ] && [ ! -L current ]; then
  echo "$root/current exists and is not a symlink; move it away first" >&2
  exit 3
fi
rel=$(cd -P -- releases && pwd -P)
printf 'releases\\t%s\\n' "$rel"
live=
if [ -L current ] && target=$(cd -P -- current 2>/dev/null && pwd -P); then
  case $target in "$rel"/*) live=\${target#"$rel"/}; printf 'live\\t%s\\n' "$live" ;; esac
fi
for d in releases/*/; do
  [ -d "$d" ] || continue
  n=\${d#releases/}
  n=\${n%/}
  case $n in *$'\\n'*) continue ;; esac
  printf 'dir\\t%s\\n' "$n"
done
# Trees prelinked for a release that is no longer live, or left unfinished (see PRELINK_PERL).
dropPrelink() {
  if [ -d "$1" ] && [ ! -L "$1" ]; then
    { mkdir -p releases/.trash && mv -- "$1" "releases/.trash/\${1#releases/}.$$"; } || rm -rf -- "$1"
  fi
  rm -f -- "$1" "$1.done" "$1.done.tmp"
}
for p in releases/.prelink-*; do
  case $p in "releases/.prelink-$live" | "releases/.prelink-$live.done") ;; *) dropPrelink "\${p%.done}" ;; esac
done
for m in .shiprail/manifests/*; do
  n=\${m##*/}
  if [ -e "$m" ] && [ ! -d "releases/\${n%.stat}" ]; then rm -f -- "$m"; fi
done
if [ "\${3:-}" = manifest ] && [ -n "$live" ]; then
  m=.shiprail/manifests/$live
  if [ ! -f "$m" ] || [ ! -f "$m.stat" ]; then
    echo 'manifest	missing'
  elif ! find . -maxdepth 0 -printf '' 2>/dev/null; then
    echo 'manifest	unsupported'
  else
    # First the manifest, which the runner parses while the disk is checked; it is used only
    # after a 'manifest ok' line.
    echo '--manifest--'
    cat -- "$m"
    echo '--manifest-end--'
    if command -v perl >/dev/null 2>&1; then
      # Snapshot lines tree $1 no longer matches; with $2 = exact, anything else in it counts too
      # (a file, a symlink or another entry added).
      snapshotChanged() {
        local snap=$PWD/$m.stat what=(-type f)
        if [ "$2" = exact ]; then what=('!' -type d); fi
        cd -- "$1" && find . "\${what[@]}" -printf '%i %s %T@ %m %P\\0' \\
          | perl -e '${COMPARE_PERL.replace(/'/g, "'\\''")}' "$snap" "$2"
      }
      # The tree prelinked after the last deploy, if complete and still exactly the snapshot, is
      # checked instead of the live release: its files are the ones the next release links.
      pre=releases/.prelink-$live
      state=missing
      if [ -d "$pre" ] && [ ! -L "$pre" ] && [ "$(cat -- "$pre.done" 2>/dev/null)" = "ok	$live" ]; then
        if changed=$(snapshotChanged "$pre" exact) && [ "$changed" -eq 0 ]; then state=ready; fi
      fi
      if [ "$state" != ready ]; then dropPrelink "$pre"; fi
      if [ "$state" = ready ]; then
        echo 'prelink	ready'
        changed=0
      elif ! changed=$(snapshotChanged "releases/$live" ''); then
        changed=unreadable
      fi
    elif ! comm -z /dev/null /dev/null 2>/dev/null \\
      || ! printf 'a b\\0' | cut -z -d ' ' -f 2- >/dev/null 2>&1 || ! cp --version >/dev/null 2>&1 \\
      || ! printf 'a/b\\0' | grep -z / | sed -z 's|/[^/]*$||' >/dev/null 2>&1; then
      changed=unsupported
    elif ! changed=$(snap=$PWD/$m.stat && cd -- "releases/$live" \\
      && find . -type f -printf '%i %s %T@ %m %P\\0' | LC_ALL=C sort -z \\
      | LC_ALL=C comm -z -23 "$snap" - | tr -cd '\\0' | wc -c); then
      changed=unreadable
    fi
    case $changed in
      0) echo 'manifest	ok' ;;
      unreadable | unsupported) printf 'manifest\\t%s\\n' "$changed" ;;
      *) printf 'manifest\\tchanged\\t%s\\n' "$changed" ;;
    esac
  fi
fi
echo '--history--'
if [ -f .shiprail/history.jsonl ]; then tail -c "$2" .shiprail/history.jsonl; fi`;
/**
 * Hard-links the live release's files into the new release, except the paths on stdin
 * (NUL-terminated: the files that changed or went). Only files of the stat snapshot are linked:
 * what a hook added later is not part of the release. No file is read. $1 root, $2 new
 * release, $3 live release, $4 the mode of the source's top directory (rsync, which is not
 * given `.`, leaves it alone), $5 `prelinked` when PREPARE answered `prelink\tready`. Prints
 * `started` once the new release's directory exists: rsync then sends the changed files while
 * the links are made. They never write the same path, and a directory both need is made by
 * whichever comes first (each takes EEXIST from mkdir as done). $6 `inband`: the changed
 * entries follow the drop list on stdin and perl writes them (no rsync); `inband-finish`: then
 * FINISH's work too, for a deploy without shared paths (see LINK_PERL).
 */
const LINK = `
set -euo pipefail
cd -- "$1"
root=$PWD
new=$root/releases/$2
old=$root/releases/$3
snap=$root/.shiprail/manifests/$3.stat
pre=
if [ "\${5:-}" = prelinked ]; then pre=$root/releases/.prelink-$3; fi
if command -v perl >/dev/null 2>&1; then
  exec perl -e '${LINK_PERL.replace(/'/g, "'\\''")}' "$old" "$new" "$snap" \\
    "$root/.shiprail/manifests/.$2.tmp.linked" "$(nproc 2>/dev/null || echo 1)" "$4" "$pre" \\
    "$root/releases/.trash" "\${6:-}" "$root/.shiprail/manifests" "$2" "$3"
fi
if [ -n "\${6:-}" ]; then echo 'the changed files were sent for perl, which is missing' >&2; exit 5; fi
mkdir -p -- "$new"
chmod -- "$4" "$new"
echo started
tmp=$(mktemp -d)
trap 'rm -rf -- "$tmp"' EXIT
cat | LC_ALL=C sort -z > "$tmp/drop"
cut -z -d ' ' -f 5- < "$snap" | LC_ALL=C sort -z | LC_ALL=C comm -z -23 - "$tmp/drop" > "$tmp/link"
{ grep -z / "$tmp/link" || true; } | sed -z 's|/[^/]*$||' | LC_ALL=C sort -zu > "$tmp/dirs"
(cd -- "$new" && xargs -0 -r mkdir -p -- < "$tmp/dirs")
cd -- "$old"
xargs -0 -r cp -l --parents -t "$new" -- < "$tmp/link"
printf 'linked\\t%s\\n' "$(tr -cd '\\0' < "$tmp/link" | wc -c)"`;
/**
 * Links shared paths into the new release, writes its manifest and stat snapshot, then (with
 * $6 = count) counts files rsync hard-linked from the live release. $1 root, $2 release, $3 the
 * live release whose manifest is merged ('' = stdin holds the whole manifest), $4 the byte
 * length of the manifest text on stdin (when merging: the header and the new lines), $5 the
 * byte length of what follows it, the manifest keys to drop, one a line; the rest of stdin
 * names the files rsync sent (NUL-terminated). Then the shared paths as `file:<path>` or
 * `dir:<path>`. A shared path missing from shared/ is seeded from the release; when the release
 * has none either, a directory starts empty and a file is reported (`missing-shared`, exit 4)
 * before anything is linked. The snapshot is the lines LINK kept for the linked files plus
 * those of the sent files; without LINK's lines (the --checksum path, or no perl), a walk of
 * the whole release.
 */
const FINISH = `
set -euo pipefail
root=$1
release=$2
base=$3
size=$4
dropsize=$5
count=$6
shift 6
dir=$root/releases/$release
mdir=$root/.shiprail/manifests
tmp=$mdir/.$release.tmp
mkdir -p -- "$mdir"
cat > "$tmp.in"
missing=
for e in "$@"; do
  p=\${e#*:}
  if [ "\${e%%:*}" = file ] && [ ! -e "$root/shared/$p" ] && [ ! -L "$root/shared/$p" ] \\
    && [ ! -e "$dir/$p" ] && [ ! -L "$dir/$p" ]; then
    printf 'missing-shared\\t%s\\n' "$p"
    missing=1
  fi
done
if [ -n "$missing" ]; then rm -f -- "$tmp.in" "$tmp.linked"; exit 4; fi
for e in "$@"; do
  p=\${e#*:}
  src=$root/shared/$p
  if [ ! -e "$src" ] && [ ! -L "$src" ]; then
    # First deploy with this shared path: seed it from the release, or start an empty directory.
    mkdir -p -- "$(dirname -- "$src")"
    if [ -e "$dir/$p" ] || [ -L "$dir/$p" ]; then cp -a -- "$dir/$p" "$src"; else mkdir -p -- "$src"; fi
  fi
  mkdir -p -- "$(dirname -- "$dir/$p")"
  rm -rf -- "\${dir:?}/$p"
  ln -s -- "$src" "$dir/$p"
done
tail -c +"$((size + 1))" "$tmp.in" > "$tmp.rest"
head -c "$dropsize" "$tmp.rest" > "$tmp.drop"
tail -c +"$((dropsize + 1))" "$tmp.rest" > "$tmp.sent"
if [ -z "$base" ]; then
  head -c "$size" "$tmp.in" > "$tmp"
else
  { head -c "$size" "$tmp.in"; awk -F '\\t' -v drops="$tmp.drop" 'BEGIN { while ((getline k < drops) > 0) d[k] = 1 }
      FNR > 1 && !($1 in d)' "$mdir/$base"; } > "$tmp"
fi
rm -f -- "$tmp.in" "$tmp.rest" "$tmp.drop"
# The snapshot: what the next deploy compares with the disk before it trusts the manifest.
if [ -f "$tmp.linked" ]; then
  snapshot() {
    cat -- "$tmp.linked"
    cd -- "$dir" && sed -z 's|^|./|' "$tmp.sent" \\
      | xargs -0 -r sh -c 'find "$@" -maxdepth 0 -type f -printf "%i %s %T@ %m %p\\0"' find \\
      | sed -z 's|^\\([^ ]* [^ ]* [^ ]* [^ ]* \\)\\./|\\1|'
  }
else
  snapshot() { cd -- "$dir" && find . -type f -printf '%i %s %T@ %m %P\\0'; }
fi
if (snapshot 2>/dev/null) | LC_ALL=C sort -z > "$tmp.stat" \\
  && [ "$(tr -cd '\\0' < "$tmp.stat" | wc -c)" -eq "$(($(wc -l < "$tmp") - 1))" ]; then
  mv -f -- "$tmp.stat" "$mdir/$release.stat"
  mv -f -- "$tmp" "$mdir/$release"
else
  rm -f -- "$tmp" "$tmp.stat"
  echo 'manifest	skipped'
fi
rm -f -- "$tmp.linked" "$tmp.sent"
# After LINK the caller knows what was linked; after rsync --link-dest only the disk does.
if [ "$count" = count ]; then
  linked=$(find "$dir" -type f -links +1 -print0 | tr -cd '\\0' | wc -c)
  printf 'linked\\t%s\\n' $linked
fi`;
/** Runs a user hook in the release; the hook text is data here, run by bash -c. */
const HOOK = `
root=$1
release=$2
hook=$3
shift 3
cd -- "$root/releases/$release" || exit 1
export SHIPRAIL_PATH="$root" SHIPRAIL_RELEASE="$release" SHIPRAIL_RELEASE_PATH="$PWD"
while [ $# -ge 2 ]; do export "$1=$2"; shift 2; done
exec bash --noprofile --norc -eo pipefail -c "$hook" shiprail-hook </dev/null`;
/**
 * Points current at releases/$2 (or removes it when $2 is empty: undoing a first deploy).
 * A new symlink renamed over the old one: rename(2) is atomic, so a reader sees the old or
 * the new release, never a missing or half-written link. GNU mv needs -T, BSD mv -h, so that
 * mv replaces the link instead of moving into the directory it points to. In a subshell, so
 * that SWITCH_AND_RECORD can go on after it.
 */
const SWITCH_BODY = `(
set -euo pipefail
cd -- "$1"
if [ -z "$2" ]; then rm -f -- current; exit 0; fi
if [ ! -d "releases/$2" ]; then echo "release $2 is missing" >&2; exit 3; fi
tmp="current.tmp-$$"
ln -sfn -- "releases/$2" "$tmp"
if mv --version >/dev/null 2>&1; then mv -T -- "$tmp" current; else mv -h -- "$tmp" current; fi
)`;
const SWITCH = SWITCH_BODY;
/**
 * Appends whole history lines with one write (bash's printf flushes once; >> is O_APPEND),
 * then removes the releases named after them (and their manifests), never the live one: each
 * is renamed into the trash (one rename(2): a release is there whole or gone), which is then
 * emptied in the background, so a deploy does not wait for thousands of unlinks.
 */
const RECORD_BODY = `
root=$1
printf '%s' "$2" >> "$root/.shiprail/history.jsonl" || exit 1
shift 2
cd -- "$root/releases" 2>/dev/null || exit 0
live=$(cd -P -- "$root/current" 2>/dev/null && pwd -P || true)
trash=$root/releases/.trash
status=0
for n in "$@"; do
  case $n in '' | . | .. | */*) continue ;; esac
  rm -f -- "$root/.shiprail/manifests/$n" "$root/.shiprail/manifests/$n.stat"
  [ -e "$n" ] || continue
  if [ -n "$live" ] && [ "$(cd -P -- "$n" && pwd -P)" = "$live" ]; then
    echo "not removing $n: it is live" >&2
    continue
  fi
  { mkdir -p -- "$trash" && mv -- "$n" "$trash/$n.$$"; } 2>/dev/null || rm -rf -- "$n" || status=1
done${emptyTrash('$root')}
exit $status`;
const RECORD = `
set -uo pipefail${RECORD_BODY}`;
/**
 * The switch and, once it is done, the history line and the pruning, in one command: $1 root,
 * $2 release, $3 the lock's token ('' = keep the lock), then RECORD's $2... Prints `switched`
 * between the two, so a failure after it is told apart from a failed switch, and `unlocked`
 * once the lock is removed at the end (as RELEASE: only while it is still ours). Then starts
 * prelinking the new release for the next deploy (see PRELINK_PERL), in the background.
 */
const SWITCH_AND_RECORD = `
set -uo pipefail
${SWITCH_BODY} || exit $?
echo switched
root=$1
release=$2
token=$3
shift 3
(
set -- "$root" "$@"
${RECORD_BODY}
)
status=$?${startPrelink}
if [ -n "$token" ] && grep -qF -- "$token" "$root/.shiprail/lock" 2>/dev/null \\
  && rm -f -- "$root/.shiprail/lock"; then
  echo unlocked
fi
exit $status`;


/***/ }),

/***/ 5052:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   CO: () => (/* binding */ CheckFailedError),
/* harmony export */   dz: () => (/* binding */ InputError),
/* harmony export */   gJ: () => (/* binding */ errorMessage),
/* harmony export */   yo: () => (/* binding */ UserError)
/* harmony export */ });
/**
 * Error classes exist only where severity is routed:
 * - UserError: bad input or configuration. One line, no stack trace, nothing was changed.
 * - CheckFailedError: the step ran and its verdict is "failed" (a check, a deploy script, a lock).
 * Anything else is unexpected and reported with its message (stack only in debug).
 */
class UserError extends Error {
    name = 'UserError';
}
class CheckFailedError extends Error {
    lastLines;
    name = 'CheckFailedError';
    constructor(message, 
    /** The last lines a failed script printed (secrets already masked), for the summary. */
    lastLines = []) {
        super(message);
        this.lastLines = lastLines;
    }
}
/** An input value that does not have the accepted form. */
class InputError extends UserError {
    input;
    constructor(input, problem, accepted) {
        super(`Input '${input}' ${problem}; expected ${accepted}.`);
        this.input = input;
    }
}
function errorMessage(err) {
    if (err instanceof Error)
        return err.message;
    return String(err);
}


/***/ }),

/***/ 4570:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
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

/***/ 6192:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Rd: () => (/* binding */ recordedImageId),
/* harmony export */   d0: () => (/* binding */ SHIPRAIL_MARK),
/* harmony export */   gs: () => (/* binding */ clampDescription),
/* harmony export */   k0: () => (/* binding */ environmentUrlOf),
/* harmony export */   kW: () => (/* binding */ shiprailInactive)
/* harmony export */ });
/**
 * The ledger is where deploy history lives: GitHub's Deployments API, a JSON file, or nowhere.
 * Both real ledgers use GitHub's vocabulary (deployment + statuses) so one set of pure rules
 * (see deployment-state.ts) reads either.
 */
/** The image ID recorded for one host, if any. */
function recordedImageId(recorded, host) {
    return recorded?.image_ids?.[host] ?? recorded?.image_id ?? undefined;
}
/** The environment URL the deployment's newest status gave, if any. */
function environmentUrlOf(record) {
    // Newest last; no findLast: the kill test compiles the engine for an ES2022 library.
    for (let i = record.statuses.length - 1; i >= 0; i--)
        if (record.statuses[i].environmentUrl)
            return record.statuses[i].environmentUrl;
    return undefined;
}
/** Status descriptions are limited to 140 characters by GitHub. */
function clampDescription(text) {
    const oneLine = text.replace(/\s+/g, ' ').trim();
    return oneLine.length <= 140 ? oneLine : `${oneLine.slice(0, 139)}…`;
}
/**
 * Shiprail's own inactive statuses start with this. GitHub posts inactive statuses too (its
 * auto_inactive, and the deployments Actions creates for jobs that declare `environment:`);
 * only Shiprail's count as "superseded" when a ledger reads history.
 */
const SHIPRAIL_MARK = 'Shiprail:';
function shiprailInactive(reason) {
    return { state: 'inactive', description: clampDescription(`${SHIPRAIL_MARK} ${reason}`) };
}


/***/ }),

/***/ 2069:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ describeExit),
/* harmony export */   R: () => (/* binding */ runProcess)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1421);

const CAPTURE_LIMIT = 1024 * 1024;
/**
 * Runs a program and waits for it, with an explicit timeout. The child gets its own process
 * group so a timeout or a cancelled job stops the whole tree (a deploy script's children too).
 */
function runProcess(command, options) {
    const started = Date.now();
    return new Promise((resolve, reject) => {
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(command, options.args, {
            cwd: options.cwd,
            env: options.env,
            stdio: ['pipe', 'pipe', 'pipe'],
            detached: true
        });
        let timedOut = false;
        let aborted = false;
        let killTimer;
        const captured = { stdout: '', stderr: '' };
        const pending = { stdout: '', stderr: '' };
        const stop = () => {
            if (child.pid === undefined || child.exitCode !== null)
                return;
            killGroup(child.pid, 'SIGTERM');
            killTimer = setTimeout(() => child.pid !== undefined && killGroup(child.pid, 'SIGKILL'), 5000);
            killTimer.unref();
        };
        const timer = setTimeout(() => {
            timedOut = true;
            stop();
        }, options.timeoutMs);
        const onAbort = () => {
            aborted = true;
            stop();
        };
        options.signal?.addEventListener('abort', onAbort, { once: true });
        if (options.signal?.aborted)
            onAbort();
        const limit = options.captureLimit ?? CAPTURE_LIMIT;
        const feed = (stream) => (chunk) => {
            const text = chunk.toString('utf8');
            if (options.capture && captured[stream].length < limit) {
                captured[stream] += text.slice(0, limit - captured[stream].length);
            }
            if (stream === 'stdout')
                options.onStdout?.(text);
            if (!options.onLine)
                return;
            const lines = (pending[stream] + text).split('\n');
            pending[stream] = lines.pop() ?? '';
            for (const line of lines)
                options.onLine(line.replace(/\r$/, ''), stream);
        };
        child.stdout.on('data', feed('stdout'));
        child.stderr.on('data', feed('stderr'));
        child.stdin.on('error', () => {
            // The program may exit without reading its input; that is its business.
        });
        child.stdin.end(options.input ?? '');
        child.on('error', err => {
            clearTimeout(timer);
            options.signal?.removeEventListener('abort', onAbort);
            reject(err);
        });
        child.on('close', (exitCode, signal) => {
            clearTimeout(timer);
            if (killTimer)
                clearTimeout(killTimer);
            options.signal?.removeEventListener('abort', onAbort);
            for (const stream of ['stdout', 'stderr']) {
                if (pending[stream] && options.onLine)
                    options.onLine(pending[stream], stream);
            }
            resolve({
                exitCode,
                signal,
                timedOut,
                aborted,
                stdout: captured.stdout,
                stderr: captured.stderr,
                durationMs: Date.now() - started
            });
        });
    });
}
function killGroup(pid, signal) {
    try {
        process.kill(-pid, signal);
    }
    catch {
        // Already gone.
    }
}
/** "exited with status 3", "was stopped after 30 s (timeout)", ... */
function describeExit(result, timeoutMs) {
    if (result.timedOut)
        return `was stopped after ${Math.round(timeoutMs / 1000)} s (timeout)`;
    if (result.aborted)
        return 'was stopped because the job was cancelled';
    if (result.signal)
        return `was killed by ${result.signal}`;
    return `exited with status ${result.exitCode}`;
}


/***/ }),

/***/ 6454:
/***/ ((__webpack_module__, __webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(__webpack_module__, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ run)
/* harmony export */ });
/* harmony import */ var _cli_cli_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(2285);
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(987);
/* harmony import */ var _main_module_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(340);



/** Runs the CLI on this process's arguments; resolves with the exit status. */
async function run() {
    return (0,_cli_cli_js__WEBPACK_IMPORTED_MODULE_0__/* .runCli */ .a)({
        argv: process.argv.slice(2),
        env: process.env,
        cwd: process.cwd(),
        stdout: text => process.stdout.write(text),
        stderr: text => process.stderr.write(text),
        stdoutIsTTY: process.stdout.isTTY,
        stderrIsTTY: process.stderr.isTTY,
        version: _version_js__WEBPACK_IMPORTED_MODULE_2__/* .VERSION */ .x
    });
}
if ((0,_main_module_js__WEBPACK_IMPORTED_MODULE_1__/* .isMainModule */ .e)(import.meta.url))
    process.exit(await run());

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 340:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ isMainModule)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3136);


/**
 * True when the module at `url` is the script node was started with. An entry runs its step
 * only then: imported (by @github/local-action, which calls `run()` itself, or by a test) it
 * does nothing. Both paths are resolved because `npx shiprail` starts node through a symlink.
 */
function isMainModule(url) {
    const script = process.argv[1];
    if (!script)
        return false;
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(script) === (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)((0,node_url__WEBPACK_IMPORTED_MODULE_1__.fileURLToPath)(url));
    }
    catch {
        return false;
    }
}


/***/ }),

/***/ 987:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   x: () => (/* binding */ VERSION)
/* harmony export */ });
// Generated from package.json by `npm run generate`.
const VERSION = '1.0.0';


/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(6454);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ var __webpack_exports__run = __webpack_exports__.e;
/******/ export { __webpack_exports__run as run };
/******/ 
