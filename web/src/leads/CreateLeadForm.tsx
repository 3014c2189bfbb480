import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client';
import { Link } from 'react-router-dom';
import { CREATE_LEAD } from '../operations/leads';
import { errorMessage } from '../lib/errorMessage';
import { LIMITS, limitHint } from '../lib/limits';
import { Field } from '../ui/Field';
import { FormError } from '../ui/FormError';
import { leadName } from './leadName';

const EMPTY = { firstName: '', lastName: '', email: '', company: '' };

const FIELDS: { name: keyof typeof EMPTY; label: string; max: number; type?: string; required: boolean }[] = [
  { name: 'firstName', label: 'First name', max: LIMITS.leadName, required: true },
  { name: 'lastName', label: 'Last name', max: LIMITS.leadName, required: true },
  { name: 'email', label: 'Email', max: LIMITS.email, type: 'email', required: true },
  { name: 'company', label: 'Company', max: LIMITS.company, required: false },
];

export function CreateLeadForm({ onCreated }: { onCreated(): void }) {
  const [values, setValues] = useState(EMPTY);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<{ id: number; name: string } | null>(null);
  const [createLead, { loading }] = useMutation(CREATE_LEAD);

  const set = (field: keyof typeof EMPTY) => (event: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [field]: event.target.value }));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setCreated(null);
    try {
      const company = values.company.trim();
      const { data } = await createLead({
        variables: {
          firstName: values.firstName.trim(),
          lastName: values.lastName.trim(),
          email: values.email.trim(),
          company: company === '' ? null : company,
        },
      });
      if (data) setCreated({ id: data.createLead.id, name: leadName(data.createLead) });
      setValues(EMPTY);
      onCreated();
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  // noValidate: the API's validation messages are the ones people should see.
  return (
    <form className="card form-grid" onSubmit={onSubmit} noValidate aria-labelledby="create-lead-heading">
      <h2 id="create-lead-heading">New lead</h2>
      {FIELDS.map(({ name, label, max, type, required }) => (
        <Field
          key={name}
          label={label}
          name={name}
          type={type}
          autoComplete="off"
          required={required}
          maxLength={max}
          hint={limitHint(max)}
          value={values[name]}
          onChange={set(name)}
        />
      ))}
      <FormError message={error} />
      {created && (
        <p className="form-success" role="status">
          Created{' '}
          <Link to={`/leads/${created.id}`} className="truncate-inline" title={created.name}>
            {created.name}
          </Link>
          .
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={loading}>
          {loading ? 'Creating…' : 'Create lead'}
        </button>
      </div>
    </form>
  );
}
