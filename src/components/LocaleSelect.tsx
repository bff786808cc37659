'use client'

import { SelectInput } from '@payloadcms/ui'

export type LocaleOption = { value: string; label: string }

/** The locale a translations-dashboard tool works on: Payload's select, never cleared. */
export const LocaleSelect = ({
  name,
  label,
  options,
  value,
  onChange,
}: {
  name: string
  label: string
  options: LocaleOption[]
  value: string
  onChange: (locale: string) => void
}) => (
  <SelectInput
    name={name}
    path={name}
    label={label}
    options={options}
    value={value}
    isClearable={false}
    onChange={(option) => {
      if (option && !Array.isArray(option)) onChange(String(option.value))
    }}
  />
)
