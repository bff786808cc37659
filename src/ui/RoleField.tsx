import { SelectField } from '@payloadcms/ui'
import type { SelectFieldServerComponent } from 'payload'

/**
 * The role select, rendered on the server as the form is built. Nobody is signed in on the
 * create-first-user screen, whose account is always an administrator: there it offers no role. (An
 * `admin.condition` would do the same but makes Payload drop the column's NOT NULL and the type's
 * `required`.)
 */
export const RoleField: SelectFieldServerComponent = ({
  clientField,
  path,
  permissions,
  readOnly,
  req,
  schemaPath,
}) =>
  req.user ? (
    <SelectField
      field={clientField}
      path={path}
      permissions={permissions}
      readOnly={readOnly}
      schemaPath={schemaPath}
    />
  ) : null
