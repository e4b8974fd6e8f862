import type { CodegenConfig } from "@graphql-codegen/cli";
import { spaCodegenConfig } from "@shop/codegen";

// The admin's typed operations (src/gql/), as the web shop's: see @shop/codegen.
const config: CodegenConfig = spaCodegenConfig();
export default config;
