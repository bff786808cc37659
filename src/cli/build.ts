import { projectPath } from '../config/paths'
import { build } from '../server/ensureBuild'

await build(projectPath())
