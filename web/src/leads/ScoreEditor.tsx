import { useEffect, useState, type FormEvent } from 'react';
import { UPDATE_LEAD_SCORE } from '../operations/leads';
import { Field } from '../ui/Field';
import { FormError } from '../ui/FormError';
import { useLeadMutation } from './useLeadMutation';

export function ScoreEditor({ leadId, score }: { leadId: number; score: number }) {
  const [value, setValue] = useState(String(score));
  const [saved, setSaved] = useState(false);
  const { run, loading, error } = useLeadMutation(UPDATE_LEAD_SCORE, leadId);

  // Follow changes made elsewhere (another user, a live refetch).
  useEffect(() => setValue(String(score)), [score]);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const next = Number(value);
    if (value.trim() === '' || !Number.isInteger(next)) {
      setValue(String(score));
      return;
    }
    setSaved(await run({ id: leadId, score: next }));
  };

  return (
    <form className="inline-form" onSubmit={onSubmit} noValidate>
      <Field label="Score" type="number" name="score" inputMode="numeric" step={1} value={value} onChange={(e) => setValue(e.target.value)} />
      <button type="submit" className="button primary" disabled={loading}>
        {loading ? 'Saving…' : 'Save score'}
      </button>
      <FormError message={error} />
      {saved && !error && (
        <p className="form-success" role="status">
          Score saved.
        </p>
      )}
    </form>
  );
}
