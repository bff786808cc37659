import { projectPath } from '../config/paths'
import { build } from '../server/build'

await build(projectPath())
