import type { Tree } from '@nx/devkit';
import * as ts from 'typescript';

/**
 * Insertions into the workspace's TypeScript sources, found through the AST by the name of the
 * constant they extend. A missing file or constant fails with what was looked for and where, so a
 * refactor that moves an anchor breaks the generator loudly instead of silently skipping a step.
 */

export function readSource(tree: Tree, path: string): string {
  const text = tree.read(path, 'utf-8');
  if (text === null) throw new Error(`${path}: not found (the table generator edits it).`);
  return text;
}

/** `as const`, `satisfies …`, parentheses and type assertions around a literal, removed. */
function unwrap(node: ts.Expression): ts.Expression {
  let current = node;
  while (
    ts.isAsExpression(current) ||
    ts.isSatisfiesExpression(current) ||
    ts.isParenthesizedExpression(current) ||
    ts.isTypeAssertionExpression(current)
  ) {
    current = current.expression;
  }
  return current;
}

function constInitializer(path: string, text: string, name: string): ts.Expression {
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  let found: ts.Expression | undefined;
  const visit = (node: ts.Node) => {
    if (
      ts.isVariableDeclaration(node) &&
      ts.isIdentifier(node.name) &&
      node.name.text === name &&
      node.initializer
    ) {
      found = unwrap(node.initializer);
    }
    if (!found) ts.forEachChild(node, visit);
  };
  visit(source);
  if (!found) {
    throw new Error(`${path}: cannot find the constant ${name} (the table generator adds to it).`);
  }
  return found;
}

function insertAt(text: string, position: number, insertion: string): string {
  return text.slice(0, position) + insertion + text.slice(position);
}

/** The string values of an array constant (`['docs', 'folders']`), elements that are not string literals skipped. */
export function arrayConstValues(path: string, text: string, name: string): string[] {
  const array = constInitializer(path, text, name);
  if (!ts.isArrayLiteralExpression(array)) {
    throw new Error(`${path}: ${name} is not an array literal.`);
  }
  return array.elements.filter(ts.isStringLiteral).map((element) => element.text);
}

/** The property names of an object constant. */
export function objectConstKeys(path: string, text: string, name: string): string[] {
  const object = constInitializer(path, text, name);
  if (!ts.isObjectLiteralExpression(object)) {
    throw new Error(`${path}: ${name} is not an object literal.`);
  }
  return object.properties.flatMap((property) =>
    property.name && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name))
      ? [property.name.text]
      : [],
  );
}

/**
 * Adds a string to an array constant: last, or before the first string element that sorts after
 * it (`sorted`), as a list kept in alphabetical order wants.
 */
export function addArrayString(
  tree: Tree,
  path: string,
  name: string,
  value: string,
  { sorted = false }: { sorted?: boolean } = {},
): void {
  const text = readSource(tree, path);
  const array = constInitializer(path, text, name);
  if (!ts.isArrayLiteralExpression(array)) {
    throw new Error(`${path}: ${name} is not an array literal.`);
  }
  insertElement(tree, path, text, array, `'${value}'`, sorted ? value : undefined);
}

/** Adds an element, given as source text (`['docs', 'docs']`), last to an array constant. */
export function addArrayElement(tree: Tree, path: string, name: string, element: string): void {
  const text = readSource(tree, path);
  const array = constInitializer(path, text, name);
  if (!ts.isArrayLiteralExpression(array)) {
    throw new Error(`${path}: ${name} is not an array literal.`);
  }
  insertElement(tree, path, text, array, element);
}

function insertElement(
  tree: Tree,
  path: string,
  text: string,
  array: ts.ArrayLiteralExpression,
  element: string,
  sortedValue?: string,
): void {
  const elements = array.elements;
  const before =
    sortedValue === undefined
      ? undefined
      : elements.find((e) => ts.isStringLiteral(e) && e.text > sortedValue);
  let updated: string;
  if (before) {
    updated = insertAt(text, before.getStart(), `${element}, `);
  } else if (elements.length > 0) {
    updated = insertAt(text, elements[elements.length - 1].end, `, ${element}`);
  } else {
    updated = insertAt(text, elements.pos, element);
  }
  tree.write(path, updated);
}

/** Adds `key: value` as the last property of an object constant. */
export function addObjectProperty(
  tree: Tree,
  path: string,
  name: string,
  key: string,
  value: string,
): void {
  const text = readSource(tree, path);
  const object = constInitializer(path, text, name);
  if (!ts.isObjectLiteralExpression(object)) {
    throw new Error(`${path}: ${name} is not an object literal.`);
  }
  const properties = object.properties;
  const property = `${key}: ${value}`;
  const updated =
    properties.length > 0
      ? insertAt(text, properties[properties.length - 1].end, `,\n${property}`)
      : insertAt(text, properties.pos, property);
  tree.write(path, updated);
}
