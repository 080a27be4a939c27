"use client";
/**
 * The labels admin page: create labels (name, colour from the palette, description), rename or
 * recolour them, and delete them (asking, with how many conversations carry the label).
 */
import { useId, useState, type FormEvent } from "react";
import { AdminPage } from "@/components/admin/admin-page";
import { FormError, errorText } from "@/components/admin/form-error";
import { LabelChip } from "@/components/labels/label-chip";
import { Button } from "@/components/ui/button";
import { Input, fieldClassName } from "@/components/ui/input";
import { useLabelAdmin, useLabels, type Label } from "@/lib/client/labels";
import { labelColours, type LabelColour } from "@/lib/model/label-colours";

function ColourSelect({
  id,
  value,
  onChange,
}: {
  id: string;
  value: LabelColour;
  onChange: (value: LabelColour) => void;
}) {
  return (
    <select
      id={id}
      className={fieldClassName}
      value={value}
      onChange={(event) => onChange(event.target.value as LabelColour)}
    >
      {labelColours.map((colour) => (
        <option key={colour} value={colour}>
          {colour.charAt(0).toUpperCase() + colour.slice(1)}
        </option>
      ))}
    </select>
  );
}

function NewLabelForm() {
  const { create } = useLabelAdmin();
  const [name, setName] = useState("");
  const [colour, setColour] = useState<LabelColour>("blue");
  const [description, setDescription] = useState("");
  const id = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { name, colour, description },
      {
        onSuccess: () => {
          setName("");
          setDescription("");
        },
      },
    );
  };
  return (
    <form
      onSubmit={submit}
      aria-label="New label"
      className="grid gap-3 rounded-md border p-4 sm:grid-cols-[1fr_10rem_2fr_auto] sm:items-end"
    >
      <div className="grid gap-1">
        <label htmlFor={`${id}-name`} className="text-sm font-medium">
          Name
        </label>
        <Input
          id={`${id}-name`}
          value={name}
          maxLength={60}
          required
          onChange={(event) => setName(event.target.value)}
        />
      </div>
      <div className="grid gap-1">
        <label htmlFor={`${id}-colour`} className="text-sm font-medium">
          Colour
        </label>
        <ColourSelect id={`${id}-colour`} value={colour} onChange={setColour} />
      </div>
      <div className="grid gap-1">
        <label htmlFor={`${id}-description`} className="text-sm font-medium">
          Description
        </label>
        <Input
          id={`${id}-description`}
          value={description}
          maxLength={300}
          onChange={(event) => setDescription(event.target.value)}
        />
      </div>
      <Button type="submit" disabled={create.isPending}>
        Add label
      </Button>
      <div className="sm:col-span-4">
        <FormError message={create.isError ? errorText(create.error) : null} />
      </div>
    </form>
  );
}

function LabelRow({ label }: { label: Label }) {
  const { update, remove } = useLabelAdmin();
  const [name, setName] = useState(label.name);
  const id = useId();
  const carried =
    label.conversationCount === 1
      ? "1 conversation carries it"
      : `${label.conversationCount} conversations carry it`;
  const onDelete = () => {
    if (window.confirm(`Delete the label "${label.name}"? ${carried}; it comes off all of them.`))
      remove.mutate(label.id);
  };
  const error = update.error ?? remove.error;
  return (
    <tr className="border-t align-middle">
      <td className="py-2 pr-2">
        <LabelChip name={label.name} colour={label.colour} />
      </td>
      <td className="py-2 pr-2">
        <form
          className="flex gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            update.mutate({ id: label.id, name });
          }}
        >
          <label htmlFor={`${id}-name`} className="sr-only">
            Name of {label.name}
          </label>
          <Input
            id={`${id}-name`}
            value={name}
            maxLength={60}
            onChange={(event) => setName(event.target.value)}
          />
          <Button
            type="submit"
            variant="outline"
            size="sm"
            disabled={name.trim() === label.name || update.isPending}
          >
            Rename
          </Button>
        </form>
      </td>
      <td className="py-2 pr-2">
        <label htmlFor={`${id}-colour`} className="sr-only">
          Colour of {label.name}
        </label>
        <ColourSelect
          id={`${id}-colour`}
          value={label.colour}
          onChange={(colour) => update.mutate({ id: label.id, colour })}
        />
      </td>
      <td className="text-muted-foreground py-2 pr-2 text-sm">{label.description}</td>
      <td className="py-2 pr-2 text-right tabular-nums">{label.conversationCount}</td>
      <td className="py-2 text-right">
        <Button
          variant="outline"
          size="sm"
          onClick={onDelete}
          disabled={remove.isPending}
          aria-label={`Delete ${label.name}`}
        >
          Delete
        </Button>
        {error ? (
          <p role="alert" className="text-destructive text-xs">
            {errorText(error)}
          </p>
        ) : null}
      </td>
    </tr>
  );
}

export function LabelsPanel() {
  const labels = useLabels();
  return (
    <AdminPage
      title="Labels"
      description="Labels staff put on conversations. They stay in Parley and are never sent to the providers."
    >
      <NewLabelForm />
      {labels.isError ? <FormError message={errorText(labels.error)} /> : null}
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Labels</caption>
        <thead>
          <tr className="text-muted-foreground">
            <th scope="col" className="py-1 font-medium">
              Label
            </th>
            <th scope="col" className="py-1 font-medium">
              Name
            </th>
            <th scope="col" className="py-1 font-medium">
              Colour
            </th>
            <th scope="col" className="py-1 font-medium">
              Description
            </th>
            <th scope="col" className="py-1 text-right font-medium">
              Conversations
            </th>
            <th scope="col" className="py-1 text-right font-medium">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {(labels.data ?? []).map((label) => (
            <LabelRow key={`${label.id}-${label.name}`} label={label} />
          ))}
        </tbody>
      </table>
      {labels.data?.length === 0 ? <p className="text-muted-foreground text-sm">No labels yet.</p> : null}
    </AdminPage>
  );
}
