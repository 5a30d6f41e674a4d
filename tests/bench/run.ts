// `npm run bench`: benchmarks print figures; they never assert timings inside the test suite.
import { benchCalendar } from "./calendar.bench";

await benchCalendar();
