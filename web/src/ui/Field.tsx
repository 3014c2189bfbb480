import { useId, type InputHTMLAttributes, type TextareaHTMLAttributes } from 'react';

type InputProps = InputHTMLAttributes<HTMLInputElement> & { label: string; multiline?: false };
type TextareaProps = TextareaHTMLAttributes<HTMLTextAreaElement> & { label: string; multiline: true };

/** A labelled input: every field is found by its label, by people and by tests alike. */
export function Field(props: InputProps | TextareaProps) {
  const id = useId();
  if (props.multiline) {
    const { label, multiline: _multiline, ...rest } = props;
    return (
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <textarea id={id} {...rest} />
      </div>
    );
  }
  const { label, multiline: _multiline, ...rest } = props;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} {...rest} />
    </div>
  );
}
