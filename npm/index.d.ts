// Types of the package "waflow" (Node.js entry point: node.mjs). Written by hand from
// crates/waflow-wasm and the library's JSON shapes; test/types.ts holds them to the
// runtime's objects (test/api.test.mjs checks the keys the runtime gives).

/** The spelling of the findings: 8x8's camelCase (the default) or Meta's snake_case. */
export type Spelling = '8x8' | 'meta';

/** How to validate. Unknown keys are refused (TypeError). */
export interface ValidateOptions {
  /** `"8x8"` (default): `validationErrors`, `errorType`, `lineStart`...; `"meta"`:
   * `validation_errors`, `error_type`, `line_start`... */
  spelling?: Spelling;
  /** Keep at most this many findings (an integer from 1); a `too-many-findings` warning
   * counts the rest. Default 100,000. */
  maxFindings?: number;
  /** Severity of findings about a frozen Flow JSON version. Default `"error"`. */
  frozenVersion?: 'error' | 'warning';
  /** Judge the flow as this Flow JSON version (`"7.3"`, as Meta writes it), whatever
   * its own `version` says or when it has none; the `version` member itself is then not
   * judged. An unknown version throws. Default: the flow's own. */
  version?: string;
}

/** One place a finding applies to (8x8's spelling). Lines and columns are 1-based,
 * columns in UTF-16 code units, the end column inclusive (Meta's convention); a finding
 * about the whole document (its size) has 0s. */
export interface Pointer {
  lineStart: number;
  lineEnd: number;
  columnStart: number;
  columnEnd: number;
  /** Where in the document: `screens[0].layout.children[1].label`. */
  path: string;
}

/** One place a finding applies to, in Meta's spelling. */
export interface MetaPointer {
  line_start: number;
  line_end: number;
  column_start: number;
  column_end: number;
  path: string;
}

/** A finding in 8x8's spelling: Meta's error shape, the position of its first pointer
 * repeated at the top level. */
export interface Finding {
  /** Meta's code: `INVALID_PROPERTY_KEY`, `MISSING_REQUIRED_PROPERTY`... */
  error: string;
  /** `FLOW_JSON_ERROR` or `JSON_SCHEMA_ERROR` (Meta's category). */
  errorType: string;
  message: string;
  lineStart: number;
  lineEnd: number;
  columnStart: number;
  columnEnd: number;
  pointers: Pointer[];
}

/** A finding in Meta's spelling. */
export interface MetaFinding {
  error: string;
  error_type: string;
  message: string;
  line_start: number;
  line_end: number;
  column_start: number;
  column_end: number;
  pointers: MetaPointer[];
}

/** One replacement of a fix: the bytes `start..end` of the validated text become
 * `replacement`. Offsets count UTF-8 bytes, as in the CLI's JSON (not UTF-16 string
 * indexes): apply them to `new TextEncoder().encode(text)`, or let `fix()` apply them. */
export interface Edit {
  start: number;
  end: number;
  replacement: string;
}

/** A fix a finding proposes (waflow's addition beside Meta's two lists). */
export interface Fix<List extends string = 'validationErrors' | 'warnings'> {
  /** The finding that proposes it: its list and its index there. */
  finding: { list: List; index: number };
  /** The rule code (`unknown-property`), or null. */
  rule: string | null;
  /** What the fix does, for a person. */
  title: string;
  /** `"safe"`: `fix()` applies it; `"unsafe"`: only `fix(text, { unsafe: true })`. */
  applicability: 'safe' | 'unsafe';
  /** Applied together or not at all; they never overlap. */
  edits: Edit[];
}

/** What `validate` returns in 8x8's spelling (`waflow check --format json` for one
 * file, without `file`). The flow passes when `validationErrors` is empty. */
export interface Report {
  validationErrors: Finding[];
  warnings: Finding[];
  /** Present only when a finding proposes a fix. */
  fixes?: Fix<'validationErrors' | 'warnings'>[];
}

/** What `validate` returns in Meta's spelling (`waflow check --format meta`). */
export interface MetaReport {
  validation_errors: MetaFinding[];
  warnings: MetaFinding[];
  fixes?: Fix<'validation_errors' | 'warnings'>[];
}

/** A rule, as `waflow rules --format json` lists it. */
export interface Rule {
  /** waflow's kebab-case code: `unknown-property`. */
  code: string;
  /** Meta's code for the fault. */
  error: string;
  errorType: string;
  severity: 'error' | 'warning';
  /** First Flow JSON version the rule applies to, or null (from the first). */
  since: string | null;
  /** Last Flow JSON version the rule applies to, or null (to the last). */
  until: string | null;
  /** One line: what the rule finds. */
  summary: string;
  /** Why Meta rejects it, the sources, how to fix it (Markdown). */
  doc: string;
  /** The fix the rule proposes, or null. */
  fix: {
    applicability: 'safe' | 'unsafe' | 'safe when sure, else unsafe' | 'safe or unsafe, by case';
    what: string;
  } | null;
}

/** Options of `fix`. */
export interface FixOptions {
  /** Apply the unsafe fixes too (they change what the flow does: review them). */
  unsafe?: boolean;
  /** Fix the flow as this Flow JSON version (see `ValidateOptions.version`). */
  version?: string;
}

/** A screen of `graph()` (or a name used as one that no screen has). */
export interface GraphScreen {
  id: string;
  /** Its title, when a literal string. */
  title: string | null;
  terminal: boolean;
  /** It sends a data_exchange (its next screen comes from the endpoint). */
  exchanges: boolean;
  /** How many errors of the flow point inside it. */
  errors: number;
  /** No screen has this id: a navigate or a route names it. */
  missing: boolean;
}

/** One way from a screen to another. */
export interface GraphEdge {
  from: string;
  to: string;
  /** A navigate action, a `routing_model` route, or a route the endpoint may take after
   * a data_exchange. */
  kind: 'navigate' | 'routing' | 'data_exchange';
  /** Why it is faulty (Meta refuses the flow because of it), or null. */
  fault: string | null;
}

/** A flow as screens and the ways between them (`waflow graph --format json`). */
export interface Graph {
  /** The screens, in document order, then the screens named but missing. */
  screens: GraphScreen[];
  edges: GraphEdge[];
}

/** Options of `graph`. */
export interface GraphOptions {
  /** `"json"` (default: a `Graph` object), `"mermaid"` (flowchart text) or `"dot"`
   * (Graphviz). */
  format?: 'json' | 'mermaid' | 'dot';
}

/**
 * Validates a Flow JSON document: a string, or the bytes of a file (a BOM or invalid
 * UTF-8 is then a finding, as in the CLI). Throws TypeError or RangeError for bad
 * options, never for a bad document.
 */
export function validate(
  text: string | Uint8Array,
  options?: ValidateOptions & { spelling?: '8x8' },
): Report;
export function validate(
  text: string | Uint8Array,
  options: ValidateOptions & { spelling: 'meta' },
): MetaReport;
export function validate(text: string | Uint8Array, options?: ValidateOptions): Report | MetaReport;

/** A finding with waflow's additions to Meta's shape, for editors ({@link findings}). */
export interface EditorFinding {
  /** The rule's code (`unknown-property`): one Meta code covers several rules. */
  rule: string | null;
  severity: 'error' | 'warning';
  error: string;
  errorType: string;
  message: string;
  help: string | null;
  /** The rule's documentation. */
  doc: string | null;
  pointers: Array<
    Pointer & {
      /** The place to underline: inside Meta's token when waflow knows a finer one. */
      shown: { lineStart: number; columnStart: number; lineEnd: number; columnEnd: number };
    }
  >;
}

/** Options of {@link findings}: those of {@link validate} but the spelling. */
export type FindingsOptions = Omit<ValidateOptions, 'spelling'>;

/** Every finding with its rule code, severity, help and doc link, errors then warnings. */
export function findings(text: string, options?: FindingsOptions): EditorFinding[];

/** Every rule waflow has, in documentation order (a new array each call). */
export function rules(): Rule[];

/** waflow's version, e.g. `"0.1.0"` (the package's version). */
export function version(): string;

/** The text with its safe fixes applied (and its unsafe ones with `unsafe: true`), in
 * rounds until nothing more applies; the text itself when nothing applies. */
export function fix(text: string, options?: FixOptions): string;

/** The flow's screens and the ways between them, faulty ones marked: drawn from any flow
 * that parses, broken ones included. null when the text is not a JSON object with
 * `screens`. */
export function graph(text: string, options?: { format?: 'json' }): Graph | null;
export function graph(text: string, options: { format: 'mermaid' | 'dot' }): string | null;
export function graph(text: string, options?: GraphOptions): Graph | string | null;
