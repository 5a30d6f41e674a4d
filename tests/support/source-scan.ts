import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

/**
 * Static scans of the application source for the grep-style security tests (IV-02, IV-03, CS-04).
 * They read files as text (parsed, never executed), so they need no Next.js runtime.
 */

export const repositoryRoot = fileURLToPath(new URL("../../", import.meta.url));

const SKIPPED_DIRECTORIES = new Set(["node_modules", ".next", "generated"]);

/** Every .ts/.tsx file under the given top-level folders, as repository-relative POSIX paths. */
export function sourceFiles(folders: readonly string[], root = repositoryRoot): string[] {
  const files: string[] = [];
  const walk = (directory: string) => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) {
        // lib/db/generated is Prisma's generated client, not our code.
        if (!SKIPPED_DIRECTORIES.has(entry.name)) walk(path);
      } else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts")) {
        files.push(relative(root, path).split(sep).join("/"));
      }
    }
  };
  for (const folder of folders) walk(join(root, folder));
  return files.sort();
}

export function readSource(path: string, root = repositoryRoot): string {
  return readFileSync(join(root, path), "utf8");
}

function parse(path: string, text: string): ts.SourceFile {
  return ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, path.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
}

function isDirective(statement: ts.Statement, directive: string): boolean {
  return ts.isExpressionStatement(statement) && ts.isStringLiteral(statement.expression) && statement.expression.text === directive;
}

/** Whether the module starts with the "use server" directive (before any other statement). */
export function isServerActionModule(path: string, text: string): boolean {
  const source = parse(path, text);
  for (const statement of source.statements) {
    if (isDirective(statement, "use server")) return true;
    if (!(ts.isExpressionStatement(statement) && ts.isStringLiteral(statement.expression))) return false;
  }
  return false;
}

/** "use server" directives inside function bodies (inline server actions), with line numbers. */
export function inlineServerDirectives(path: string, text: string): number[] {
  const source = parse(path, text);
  const lines: number[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isBlock(node) && node.parent && ts.isFunctionLike(node.parent)) {
      for (const statement of node.statements) {
        if (isDirective(statement, "use server")) lines.push(source.getLineAndCharacterOfPosition(statement.getStart()).line + 1);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return lines;
}

function callsAnyOf(node: ts.Node, names: readonly string[]): boolean {
  let found = false;
  const visit = (child: ts.Node) => {
    if (found) return;
    if (ts.isCallExpression(child)) {
      const callee = child.expression;
      const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
      if (name && names.includes(name)) {
        found = true;
        return;
      }
    }
    ts.forEachChild(child, visit);
  };
  visit(node);
  return found;
}

// `currentUser`: the action chain's own dependency (requestDependencies.currentUser, lib/server/actions/authorised-action.ts).
const AUTHENTICATING_CALLS = ["getCurrentUser", "requireUser", "currentUser"] as const;

export interface ExportFinding {
  name: string;
  line: number;
  /** why the export passes, or why it does not */
  verdict: "authorisedAction" | "checks the session" | "UNCHECKED";
  detail: string;
}

const hasExportModifier = (node: ts.Node) =>
  ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
const hasDefaultModifier = (node: ts.Node) =>
  ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);

/**
 * Every runtime export of a "use server" module and whether it authenticates itself (CS-04):
 * either its value is created by `authorisedAction(…)`, or it is a function whose body calls
 * getCurrentUser/requireUser. Anything the scan cannot vouch for (re-exports, default exports,
 * values built some other way) is UNCHECKED.
 */
export function serverActionExports(path: string, text: string): ExportFinding[] {
  const source = parse(path, text);
  const line = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
  const findings: ExportFinding[] = [];
  // Top-level constants made by authorisedAction(…), which withCheckAnswers(…) may combine.
  const authorisedConstants = new Set<string>();
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      const initializer = declaration.initializer;
      if (ts.isIdentifier(declaration.name) && initializer && ts.isCallExpression(initializer) && ts.isIdentifier(initializer.expression) && initializer.expression.text === "authorisedAction") {
        authorisedConstants.add(declaration.name.text);
      }
    }
  }

  const judgeValue = (name: string, node: ts.Node, value: ts.Expression | undefined): ExportFinding => {
    let expression = value;
    while (expression && (ts.isParenthesizedExpression(expression) || ts.isAsExpression(expression) || ts.isSatisfiesExpression(expression))) {
      expression = expression.expression;
    }
    if (expression && ts.isCallExpression(expression) && ts.isIdentifier(expression.expression) && expression.expression.text === "authorisedAction") {
      return { name, line: line(node), verdict: "authorisedAction", detail: "created with authorisedAction(…)" };
    }
    // Questions then check your answers (lib/forms/check-answers-intent.ts): both steps are authorisedAction(…) values.
    if (
      expression &&
      ts.isCallExpression(expression) &&
      ts.isIdentifier(expression.expression) &&
      expression.expression.text === "withCheckAnswers" &&
      expression.arguments.length === 2 &&
      expression.arguments.every((argument) => ts.isIdentifier(argument) && authorisedConstants.has(argument.text))
    ) {
      return { name, line: line(node), verdict: "authorisedAction", detail: "withCheckAnswers(…) of two authorisedAction(…) steps" };
    }
    // The sign-in's second factor and the account pages (lib/server/actions/session-step-action.ts) read the session's step.
    if (expression && ts.isCallExpression(expression) && ts.isIdentifier(expression.expression) && expression.expression.text === "sessionStepAction") {
      return { name, line: line(node), verdict: "checks the session", detail: "created with sessionStepAction(…), which reads the session" };
    }
    if (expression && (ts.isArrowFunction(expression) || ts.isFunctionExpression(expression))) {
      return callsAnyOf(expression.body, AUTHENTICATING_CALLS)
        ? { name, line: line(node), verdict: "checks the session", detail: "its body calls getCurrentUser/requireUser" }
        : { name, line: line(node), verdict: "UNCHECKED", detail: "a function whose body never calls getCurrentUser/requireUser" };
    }
    return { name, line: line(node), verdict: "UNCHECKED", detail: "a value not created with authorisedAction(…)" };
  };

  for (const statement of source.statements) {
    if (ts.isFunctionDeclaration(statement) && hasExportModifier(statement)) {
      const name = hasDefaultModifier(statement) ? "default" : (statement.name?.text ?? "default");
      const checked = statement.body !== undefined && callsAnyOf(statement.body, AUTHENTICATING_CALLS);
      findings.push({
        name,
        line: line(statement),
        verdict: checked ? "checks the session" : "UNCHECKED",
        detail: checked ? "its body calls getCurrentUser/requireUser" : "a function whose body never calls getCurrentUser/requireUser",
      });
    } else if (ts.isVariableStatement(statement) && hasExportModifier(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        const name = ts.isIdentifier(declaration.name) ? declaration.name.text : declaration.name.getText(source);
        findings.push(judgeValue(name, declaration, declaration.initializer));
      }
    } else if (ts.isExportAssignment(statement)) {
      findings.push(judgeValue("default", statement, statement.expression));
    } else if (ts.isExportDeclaration(statement) && !statement.isTypeOnly) {
      findings.push({ name: statement.getText(source), line: line(statement), verdict: "UNCHECKED", detail: "a re-export the scan cannot vouch for" });
    } else if (ts.isClassDeclaration(statement) && hasExportModifier(statement)) {
      findings.push({ name: statement.name?.text ?? "default", line: line(statement), verdict: "UNCHECKED", detail: "an exported class" });
    }
  }
  return findings;
}
