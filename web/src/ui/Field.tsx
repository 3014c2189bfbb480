import { useId, type InputHTMLAttributes, type TextareaHTMLAttributes } from 'react';

interface Common {
  label: string;
  /** A short line under the field (its limit, say), announced with it. */
  hint?: string;
}
type InputProps = InputHTMLAttributes<HTMLInputElement> & Common & { multiline?: false };
type TextareaProps = TextareaHTMLAttributes<HTMLTextAreaElement> & Common & { multiline: true };

/** A labelled input: every field is found by its label, by people and by tests alike. */
export function Field(props: InputProps | TextareaProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const hint = props.hint ? (
    <p id={hintId} className="field-hint">
      {props.hint}
    </p>
  ) : null;
  const describedBy = props.hint ? hintId : undefined;
  if (props.multiline) {
    const { label, hint: _hint, multiline: _multiline, ...rest } = props;
    return (
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <textarea id={id} aria-describedby={describedBy} {...rest} />
        {hint}
      </div>
    );
  }
  const { label, hint: _hint, multiline: _multiline, ...rest } = props;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} aria-describedby={describedBy} {...rest} />
      {hint}
    </div>
  );
}
