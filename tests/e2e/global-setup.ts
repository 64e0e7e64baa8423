// Before any browser test: the site must be built (npm start builds it the same way).
import { ensureSiteBuilt } from '../../infra/dev/site';

export default function setup() {
  ensureSiteBuilt();
}
