import type { GraphQLError } from "graphql";

/**
 * GitHub's API is built on graphql-ruby, whose messages differ from graphql-js's. The usual validation, parse and
 * variable errors are rewritten into GitHub's wording and shape (`message`, `locations`, `extensions.code`);
 * anything else keeps graphql-js's message.
 */

export type GitHubError = {
  message: string;
  type?: string;
  path?: readonly (string | number)[];
  locations?: readonly { line: number; column: number }[];
  extensions?: Record<string, unknown>;
};

type Rule = [RegExp, (m: RegExpExecArray, variableTypes: ReadonlyMap<string, string>) => { message: string; extensions?: Record<string, unknown> }];

const op = (name: string | undefined) => name ?? "anonymous query";

const RULES: Rule[] = [
  [/^Cannot query field "(\w+)" on type "(\w+)"\./, ([, field, type]) => ({
    message: `Field '${field}' doesn't exist on type '${type}'`,
    extensions: { code: "undefinedField", typeName: type, fieldName: field },
  })],
  [/^Unknown argument "(\w+)" on field "\w+\.(\w+)"\./, ([, arg, field]) => ({
    message: `Field '${field}' doesn't accept argument '${arg}'`,
    extensions: { code: "argumentNotAccepted", name: field, typeName: "Field", argumentName: arg },
  })],
  [/^Field "(\w+)" argument "(\w+)" of type "[^"]+" is required, but it was not provided\./, ([, field, arg]) => ({
    message: `Field '${field}' is missing required arguments: ${arg}`,
    extensions: { code: "missingRequiredArguments", className: "Field", name: field, arguments: arg },
  })],
  [/^Field "(\w+)" must not have a selection since type "([^"]+)" has no subfields\./, ([, field, type]) => ({
    message: `Selections can't be made on scalars (field '${field}' returns ${type} but has selections)`,
    extensions: { code: "selectionMismatch", nodeName: `field '${field}'`, typeName: type },
  })],
  [/^Field "(\w+)" of type "([^"]+)" must have a selection of subfields\./, ([, field, type]) => ({
    message: `Field must have selections (field '${field}' returns ${type} but has no selections. Did you mean '${field} { ... }'?)`,
    extensions: { code: "selectionMismatch", nodeName: `field '${field}'`, typeName: type },
  })],
  [/^Variable "\$(\w+)" is never used(?: in operation "(\w+)")?\./, ([, v, name]) => ({
    message: `Variable $${v} is declared by ${op(name)} but not used`,
    extensions: { code: "variableNotUsed", variableName: v },
  })],
  [/^Variable "\$(\w+)" is not defined(?: by operation "(\w+)")?\./, ([, v, name]) => ({
    message: `Variable $${v} is used by ${op(name)} but not declared`,
    extensions: { code: "variableNotDefined", variableName: v },
  })],
  [/^Fragment "(\w+)" is never used\./, ([, f]) => ({
    message: `Fragment ${f} was defined, but not used`,
    extensions: { code: "useAndDefineFragment", fragmentName: f },
  })],
  [/^Unknown fragment "(\w+)"\./, ([, f]) => ({
    message: `Fragment ${f} was used, but not defined`,
    extensions: { code: "useAndDefineFragment", fragmentName: f },
  })],
  [/^Variable "\$(\w+)" of required type "([^"]+)" was not provided\./, ([, v, type]) => ({
    message: `Variable $${v} of type ${type} was provided invalid value`,
    extensions: { value: null, problems: [{ path: [], explanation: "Expected value to not be null" }] },
  })],
  [/^Variable "\$(\w+)" got invalid value (.*?); (.*)$/s, ([, v = "", value, why], types) => ({
    message: `Variable $${v} of type ${types.get(v) ?? "unknown"} was provided invalid value`,
    extensions: { value, problems: [{ path: [], explanation: why }] },
  })],
];

const TOKEN_NAMES: Record<string, string> = {
  "}": "RCURLY", "{": "LCURLY", ")": "RPAREN", "(": "LPAREN", ":": "COLON", "$": "VAR_SIGN", "!": "BANG",
  "[": "LBRACKET", "]": "RBRACKET", "=": "EQUALS", "...": "ELLIPSIS", "@": "DIR_SIGN",
};

const locationsOf = (e: GraphQLError) => e.locations?.map(({ line, column }) => ({ line, column }));

/** A syntax error as graphql-ruby words it: `Parse error on "}" (RCURLY) at [3, 1]`. */
export function syntaxError(e: GraphQLError): GitHubError {
  const found = /(?:found|Unexpected) (.+?)\.?$/.exec(e.message)?.[1] ?? "";
  const loc = e.locations?.[0];
  if (found === "<EOF>" || loc === undefined) return { message: "Unexpected end of document", locations: locationsOf(e) };
  const bare = found.replace(/^"(.*)"$/, "$1");
  const name = TOKEN_NAMES[bare];
  const token = name ? `"${bare}" (${name})` : found.startsWith('"') ? found : `"${found}"`;
  return { message: `Parse error on ${token} at [${loc.line}, ${loc.column}]`, locations: locationsOf(e) };
}

/** A validation or variable error in GitHub's words. */
export function validationError(e: GraphQLError, variableTypes: ReadonlyMap<string, string> = new Map()): GitHubError {
  for (const [pattern, make] of RULES) {
    const m = pattern.exec(e.message);
    if (m) return { ...make(m, variableTypes), locations: locationsOf(e) };
  }
  return { message: e.message, locations: locationsOf(e) };
}

/** An execution error: GitHub puts the error `type` (NOT_FOUND, …) beside the message. */
export function executionError(e: GraphQLError): GitHubError {
  const type = e.extensions.type;
  return {
    ...(typeof type === "string" ? { type } : {}),
    path: e.path,
    locations: locationsOf(e),
    message: e.message,
  };
}
