import { IconDefinition } from '@ant-design/icons-angular';

import * as iconSet from './icon-set';

/** Icons registered statically (no runtime icon fetching): every icon exported by `icon-set.ts`. */
export const APP_ICONS: IconDefinition[] = Object.values(iconSet);
