// The storefront's price list, printed for the shop's till.
const _ = require('lodash');
const chalk = require('chalk');

function priceList(products) {
  return _.sortBy(products, ['category', 'name'])
    .map((p) => `${chalk.bold(p.name)}  Rp ${p.price.toLocaleString('id-ID')}`);
}

module.exports = { priceList };
