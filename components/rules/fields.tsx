"use client";

// Form fields bound to a path of the rule definition being edited. Each shows its own issues (from
// the server's validation, localised) and converts between what the admin types (×1.5, 10 %, ¥59)
// and what the rule stores (basis points, cents). Unparseable input is kept as typed so the schema
// reports it on the field instead of it being silently dropped.
import { useLocale, useTranslations } from "next-intl";
import { createContext, useContext, useId, useState, type ReactNode } from "react";
import type { RuleIssue } from "@/lib/rules/admin/rule-issues";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { issueText } from "./issue-text";
import { localInputValue } from "./local-time";
import { fieldId, fromInput, getIn, inputText, joinPath, labelKey, pathContext, unitOf, type Path, type Unit } from "./paths";

interface EditorContext {
  value: unknown;
  set(path: Path, next: unknown): void;
  issues: readonly RuleIssue[];
  /** The deployment's time zone (wall-clock instants in rules are read in it). */
  timeZone: string;
}

const Ctx = createContext<EditorContext | null>(null);
export const EditorProvider = Ctx.Provider;

export function useEditor(): EditorContext {
  const ctx = useContext(Ctx);
  if (!ctx) throw new Error("rule field outside an editor");
  return ctx;
}

export const inputClass = (invalid: boolean) =>
  cn("min-h-11 w-full rounded-lg border bg-surface px-3 text-base text-fg placeholder:text-muted", invalid ? "border-danger" : "border-border");

/** The label of a path (messages rules.f.*), or the raw path when there is none; `context` adds "(#2 “tea”)". */
export function useFieldLabel(): (path: Path, context?: boolean) => string {
  const t = useTranslations("rules.f");
  return (path, context = false) => {
    const key = labelKey(path);
    const base = key && t.has(key) ? t(key) : path.join(".");
    if (!context) return base;
    const { indexes, keys } = pathContext(path);
    const ctx = [...indexes.map((i) => `#${i + 1}`), ...keys.map((k) => `“${k}”`)].join(" ");
    return ctx ? `${base} (${ctx})` : base;
  };
}

/** Localised issues exactly at `path`. */
export function useIssues(path: Path): string[] {
  const { issues } = useEditor();
  const t = useTranslations("rules");
  const locale = useLocale();
  const full = joinPath(path);
  return issues.filter((i) => i.path === full).map((i) => issueText(i, (k, v) => t(k, v), (k) => t.has(k), locale));
}

function Errors({ id, messages }: { id: string; messages: string[] }) {
  if (!messages.length) return null;
  return (
    <div id={id} className="text-sm text-danger">
      {messages.map((m, i) => (
        <p key={i}>{m}</p>
      ))}
    </div>
  );
}

interface Common {
  path: Path;
  label?: string;
  hint?: string;
  className?: string;
}

function Labelled({ path, label, hint, className, children, errors }: Common & { children: (a: { id: string; describedBy?: string; invalid: boolean }) => ReactNode; errors: string[] }) {
  const labelOf = useFieldLabel();
  const id = fieldId(path);
  const describedBy = [errors.length ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={cn("flex flex-col gap-1", className)}>
      <label htmlFor={id} className="text-sm font-medium">
        {label ?? labelOf(path)}
      </label>
      {children({ id, describedBy, invalid: errors.length > 0 })}
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-muted">
          {hint}
        </p>
      ) : null}
      <Errors id={`${id}-error`} messages={errors} />
    </div>
  );
}

const AFFIX: Record<Unit, { prefix?: string; suffix?: string }> = { multiplier: { prefix: "×" }, percentBps: { suffix: "%" }, money: { prefix: "¥" }, count: {} };

/** A number in the field's unit; `nullable`: empty means "no limit" (null). */
export function NumberField({ unit, nullable = false, suffix, onValue, ...c }: Common & { unit?: Unit; nullable?: boolean; suffix?: string; onValue?: (v: unknown) => void }) {
  const { value, set } = useEditor();
  const u = unit ?? unitOf(c.path);
  const stored = getIn(value, c.path);
  const [text, setText] = useState(() => inputText(u, stored));
  const errors = useIssues(c.path);
  const affix = AFFIX[u];
  return (
    <Labelled {...c} errors={errors}>
      {({ id, describedBy, invalid }) => (
        <div className="flex items-center gap-1">
          {affix.prefix ? <span aria-hidden className="text-muted">{affix.prefix}</span> : null}
          <input
            id={id}
            inputMode="decimal"
            value={text}
            aria-invalid={invalid || undefined}
            aria-describedby={describedBy}
            className={inputClass(invalid)}
            onChange={(e) => {
              setText(e.target.value);
              const next = fromInput(u, e.target.value, nullable);
              if (onValue) onValue(next);
              else set(c.path, next);
            }}
          />
          {affix.suffix || suffix ? <span aria-hidden className="text-muted">{affix.suffix ?? suffix}</span> : null}
        </div>
      )}
    </Labelled>
  );
}

export function TextField(c: Common & { placeholder?: string }) {
  const { value, set } = useEditor();
  const stored = getIn(value, c.path);
  const errors = useIssues(c.path);
  return (
    <Labelled {...c} errors={errors}>
      {({ id, describedBy, invalid }) => (
        <input
          id={id}
          value={typeof stored === "string" ? stored : stored === undefined || stored === null ? "" : String(stored)}
          placeholder={c.placeholder}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          className={inputClass(invalid)}
          onChange={(e) => set(c.path, e.target.value)}
        />
      )}
    </Labelled>
  );
}

export function CheckField({ path, label, hint, className }: Common) {
  const { value, set } = useEditor();
  const labelOf = useFieldLabel();
  const errors = useIssues(path);
  const id = fieldId(path);
  const describedBy = [errors.length ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={cn("flex flex-col gap-1", className)}>
      <label htmlFor={id} className="flex min-h-11 items-center gap-2 text-sm font-medium">
        <input
          id={id}
          type="checkbox"
          className="size-4"
          checked={getIn(value, path) === true}
          aria-invalid={errors.length ? true : undefined}
          aria-describedby={describedBy}
          onChange={(e) => set(path, e.target.checked)}
        />
        {label ?? labelOf(path)}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-muted">
          {hint}
        </p>
      ) : null}
      <Errors id={`${id}-error`} messages={errors} />
    </div>
  );
}

export function SelectField({ options, onPick, ...c }: Common & { options: { value: string; label: string }[]; onPick?: (v: string) => void }) {
  const { value, set } = useEditor();
  const stored = getIn(value, c.path);
  const errors = useIssues(c.path);
  return (
    <Labelled {...c} errors={errors}>
      {({ id, describedBy, invalid }) => (
        <select
          id={id}
          value={typeof stored === "string" ? stored : ""}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          className={inputClass(invalid)}
          onChange={(e) => (onPick ? onPick(e.target.value) : set(c.path, e.target.value))}
        >
          {typeof stored === "string" && !options.some((o) => o.value === stored) ? <option value={stored}>{stored}</option> : null}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Labelled>
  );
}

/** A { "zh-CN", en } text pair. */
export function LocalizedField({ path, label }: { path: Path; label?: string }) {
  const labelOf = useFieldLabel();
  const t = useTranslations("rules.editor");
  const errors = useIssues(path);
  return (
    <fieldset className="grid gap-3 sm:grid-cols-2">
      <legend className="mb-1 text-sm font-medium">{label ?? labelOf(path)}</legend>
      <TextField path={[...path, "zh-CN"]} label={t("inChinese")} />
      <TextField path={[...path, "en"]} label={t("inEnglish")} />
      <Errors id={`${fieldId(path)}-error`} messages={errors} />
    </fieldset>
  );
}

const LOCAL = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})/;

/** An instant stored as a wall-clock time in the deployment zone ("2026-12-01T00:00"). */
export function DateTimeField({ nullable = false, ...c }: Common & { nullable?: boolean }) {
  const { value, set, timeZone } = useEditor();
  const stored = getIn(value, c.path);
  const errors = useIssues(c.path);
  let shown = "";
  if (typeof stored === "string") {
    const absolute = /(Z|[+-]\d{2}:\d{2})$/i.test(stored);
    shown = absolute && !Number.isNaN(Date.parse(stored)) ? localInputValue(new Date(stored), timeZone) : (LOCAL.exec(stored)?.[1] ?? stored);
  }
  return (
    <Labelled {...c} errors={errors}>
      {({ id, describedBy, invalid }) => (
        <input
          id={id}
          type="datetime-local"
          value={shown}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          className={inputClass(invalid)}
          onChange={(e) => set(c.path, e.target.value === "" ? (nullable ? null : "") : e.target.value)}
        />
      )}
    </Labelled>
  );
}

/** ISO weekdays 1–7; none ticked = every day (null). */
export function WeekdaysField({ path }: { path: Path }) {
  const { value, set } = useEditor();
  const labelOf = useFieldLabel();
  const locale = useLocale();
  const errors = useIssues(path);
  const stored = getIn(value, path);
  const days = Array.isArray(stored) ? (stored as number[]) : [];
  const name = (d: number) => new Intl.DateTimeFormat(locale, { weekday: "short", timeZone: "UTC" }).format(new Date(Date.UTC(2024, 0, d, 12)));
  const t = useTranslations("rules.editor");
  return (
    <fieldset aria-describedby={`${fieldId(path)}-hint`}>
      <legend className="mb-1 text-sm font-medium">{labelOf(path)}</legend>
      <div className="flex flex-wrap gap-x-4">
        {[1, 2, 3, 4, 5, 6, 7].map((d) => (
          <label key={d} className="flex min-h-11 items-center gap-2 text-sm">
            <input
              type="checkbox"
              className="size-4"
              checked={days.includes(d)}
              onChange={(e) => {
                const next = e.target.checked ? [...days, d].sort() : days.filter((x) => x !== d);
                set(path, next.length ? next : null);
              }}
            />
            {name(d)}
          </label>
        ))}
      </div>
      <p id={`${fieldId(path)}-hint`} className="text-xs text-muted">
        {t("everyDayHint")}
      </p>
      <Errors id={`${fieldId(path)}-error`} messages={errors} />
    </fieldset>
  );
}

/** Comma-separated codes (categories, SKUs); empty = no filter (null). */
export function CodeListField(c: Common) {
  const { value, set } = useEditor();
  const stored = getIn(value, c.path);
  const [text, setText] = useState(() => (Array.isArray(stored) ? stored.join(", ") : ""));
  const errors = useIssues(c.path);
  return (
    <Labelled {...c} errors={errors}>
      {({ id, describedBy, invalid }) => (
        <input
          id={id}
          value={text}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          className={inputClass(invalid)}
          onChange={(e) => {
            setText(e.target.value);
            const list = e.target.value
              .split(/[,，]/)
              .map((s) => s.trim())
              .filter(Boolean);
            set(c.path, list.length ? list : null);
          }}
        />
      )}
    </Labelled>
  );
}

/** Issues of a whole group (an array or object), e.g. "rates add up to more than 100 %". */
export function GroupIssues({ path }: { path: Path }) {
  const errors = useIssues(path);
  return <Errors id={`${fieldId(path)}-error`} messages={errors} />;
}

/** One rate per commission level ("Level 1 10 %", "Level 2 5 %"). */
export function LevelRatesField({ path, depth, label }: { path: Path; depth: number; label?: string }) {
  const labelOf = useFieldLabel();
  const t = useTranslations("rules.editor");
  const { value } = useEditor();
  const stored = getIn(value, path);
  const count = Math.max(1, Math.min(3, Array.isArray(stored) ? Math.max(stored.length, depth) : depth));
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="mb-1 text-sm font-medium">{label ?? labelOf(path)}</legend>
      <div className="grid grid-cols-3 gap-2">
        {Array.from({ length: count }, (_, i) => (
          <NumberField key={i} path={[...path, i]} unit="percentBps" label={t("level", { n: i + 1 })} />
        ))}
      </div>
      <GroupIssues path={path} />
    </fieldset>
  );
}

/** A map keyed by SKU or category → a multiplier (perLevel 0) or one rate per level. */
export function KeyedField({ path, unit, levels = 0, keyLabel }: { path: Path; unit: Unit; levels?: number; keyLabel: string }) {
  const { value, set } = useEditor();
  const labelOf = useFieldLabel();
  const t = useTranslations("rules.editor");
  const uid = useId();
  const stored = getIn(value, path);
  const entries = stored && typeof stored === "object" && !Array.isArray(stored) ? Object.entries(stored as Record<string, unknown>) : [];
  const [rows, setRows] = useState(() => entries.map(([k, v], i) => ({ id: i, key: k, v })));
  const [nextId, setNextId] = useState(entries.length);
  const commit = (next: typeof rows) => {
    setRows(next);
    set(path, Object.fromEntries(next.map((r) => [r.key, r.v])));
  };
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="mb-1 text-sm font-medium">{labelOf(path)}</legend>
      {rows.length === 0 ? <p className="text-sm text-muted">{t("noneYet")}</p> : null}
      {rows.map((r, idx) => (
        <div key={r.id} className="flex flex-wrap items-end gap-2 rounded-lg border border-border p-2">
          <div className="flex flex-col gap-1">
            <label htmlFor={`${uid}-${r.id}`} className="text-sm font-medium">
              {keyLabel}
            </label>
            <input
              id={`${uid}-${r.id}`}
              value={r.key}
              className={inputClass(false)}
              onChange={(e) => commit(rows.map((x, j) => (j === idx ? { ...x, key: e.target.value } : x)))}
            />
          </div>
          {levels === 0 ? (
            <KeyedValue key={`${r.id}-${r.key}`} path={[...path, r.key]} unit={unit} label={labelOf(path)} onValue={(v) => commit(rows.map((x, j) => (j === idx ? { ...x, v } : x)))} initial={r.v} />
          ) : (
            Array.from({ length: levels }, (_, li) => (
              <KeyedValue
                key={`${r.id}-${r.key}-${li}`}
                path={[...path, r.key, li]}
                unit={unit}
                label={t("level", { n: li + 1 })}
                initial={Array.isArray(r.v) ? r.v[li] : undefined}
                onValue={(v) => commit(rows.map((x, j) => (j === idx ? { ...x, v: Array.from({ length: levels }, (_, k) => (k === li ? v : Array.isArray(x.v) ? x.v[k] : 0)) } : x)))}
              />
            ))
          )}
          <Button type="button" variant="ghost" onClick={() => commit(rows.filter((_, j) => j !== idx))}>
            {t("remove")}
          </Button>
          <div className="basis-full">
            <GroupIssues path={[...path, r.key]} />
          </div>
        </div>
      ))}
      <div>
        <Button
          type="button"
          variant="secondary"
          onClick={() => {
            setNextId(nextId + 1);
            commit([...rows, { id: nextId, key: "", v: levels === 0 ? 10_000 : Array.from({ length: levels }, () => 0) }]);
          }}
        >
          {t("addEntry")}
        </Button>
      </div>
      <GroupIssues path={path} />
    </fieldset>
  );
}

function KeyedValue({ path, unit, label, initial, onValue }: { path: Path; unit: Unit; label: string; initial: unknown; onValue: (v: unknown) => void }) {
  const [text, setText] = useState(() => inputText(unit, initial));
  const errors = useIssues(path);
  const id = fieldId(path);
  const affix = AFFIX[unit];
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <div className="flex items-center gap-1">
        {affix.prefix ? <span aria-hidden className="text-muted">{affix.prefix}</span> : null}
        <input
          id={id}
          inputMode="decimal"
          value={text}
          aria-invalid={errors.length ? true : undefined}
          aria-describedby={errors.length ? `${id}-error` : undefined}
          className={cn(inputClass(errors.length > 0), "w-28")}
          onChange={(e) => {
            setText(e.target.value);
            onValue(fromInput(unit, e.target.value, false));
          }}
        />
        {affix.suffix ? <span aria-hidden className="text-muted">{affix.suffix}</span> : null}
      </div>
      <Errors id={`${id}-error`} messages={errors} />
    </div>
  );
}

/** An array of objects edited row by row (tiers, levels, streak bonuses, benefits). */
export function ListField({
  path,
  title,
  itemTitle,
  make,
  children,
  max = 20,
  addLabel,
}: {
  path: Path;
  title?: string;
  /** "Add a tier" (default: "Add"). */
  addLabel?: string;
  itemTitle: (i: number, item: unknown) => string;
  make: (items: unknown[]) => unknown;
  children: (i: number) => ReactNode;
  max?: number;
}) {
  const { value, set } = useEditor();
  const labelOf = useFieldLabel();
  const t = useTranslations("rules.editor");
  const stored = getIn(value, path);
  const items = Array.isArray(stored) ? stored : [];
  // Rows keep their identity across removals so each field keeps what was typed.
  const [ids, setIds] = useState(() => items.map((_, i) => i));
  const [nextId, setNextId] = useState(items.length);
  const rowIds = ids.length === items.length ? ids : items.map((_, i) => i);
  return (
    <fieldset className="flex flex-col gap-3">
      <legend className="mb-1 text-sm font-semibold">{title ?? labelOf(path)}</legend>
      {items.map((item, i) => (
        <fieldset key={rowIds[i]} className="flex flex-col gap-3 rounded-xl border border-border p-3">
          <legend className="px-1 text-sm font-medium">{itemTitle(i, item)}</legend>
          {children(i)}
          <div className="flex gap-2">
            <Button
              type="button"
              variant="ghost"
              onClick={() => {
                set(path, items.filter((_, j) => j !== i));
                setIds(rowIds.filter((_, j) => j !== i));
              }}
            >
              {t("removeItem", { item: itemTitle(i, item) })}
            </Button>
          </div>
        </fieldset>
      ))}
      {items.length < max ? (
        <div>
          <Button
            type="button"
            variant="secondary"
            onClick={() => {
              set(path, [...items, make(items)]);
              setIds([...rowIds, nextId]);
              setNextId(nextId + 1);
            }}
          >
            {addLabel ?? t("add")}
          </Button>
        </div>
      ) : null}
      <GroupIssues path={path} />
    </fieldset>
  );
}
